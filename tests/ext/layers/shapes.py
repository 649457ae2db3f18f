# The second layer: compiled against the core's exports and polys' exports.
from main import GeometryError, Shape, Space, describe
import polys
from polys import BadSide, Polygon, Square, is_polygon, make_square, total_perimeter


class Triangle(Polygon):
    height: int

    def __init__(self, side: int, height: int) -> None:
        super().__init__("triangle", 3, side)
        self.height = height

    def area(self) -> int:
        return self.side * self.height // 2

    def name(self) -> str:
        return "triangle (" + super().name() + ")"


class BigSquare(Square):
    def perimeter(self) -> int:
        return 2 * super().perimeter()


def init_module(space: Space) -> None:
    t = Triangle(4, 5)
    b = BigSquare(10)
    space.shapes.append(t)
    space.shapes.append(b)
    space.shapes.append(make_square(2))
    space.log.append(describe(t))
    space.log.append("is_polygon: " + str(is_polygon(t)) + " " + str(is_polygon(Shape("x"))))
    ps: list[Polygon] = [t, b]
    space.log.append("isinstance: " + str([isinstance(p, Square) for p in ps]))
    space.log.append("perimeters: " + str(total_perimeter([t, b, make_square(1)])))
    space.log.append("made by polys: " + str(len(polys.MADE)))
    for side in [1, 0, -2]:
        try:
            p = make_square(side)
            space.log.append("made " + p.name())
        except BadSide as e:
            space.log.append("BadSide " + str(e) + " " + str(e.side))
        except GeometryError as e:
            space.log.append("GeometryError?")
    try:
        make_square(-1)
    except GeometryError as e:
        space.log.append("caught as GeometryError: " + str(e) + " " + str(isinstance(e, BadSide)))
    try:
        raise BadSide(7)
    except GeometryError as e:
        space.log.append("raised here: " + str(e))
