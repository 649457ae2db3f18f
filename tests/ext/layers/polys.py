# The first layer: exports a class hierarchy, functions and a global.
from main import GeometryError, Shape, Space
from seam import Exported, export


@export
class Polygon(Shape):
    sides: int
    side: int

    def __init__(self, label: str, sides: int, side: int) -> None:
        super().__init__(label)
        self.sides = sides
        self.side = side

    def area(self) -> int:
        return self.side * self.side

    def perimeter(self) -> int:
        return self.sides * self.side

    def name(self) -> str:
        return "polygon " + self.label


@export
class Square(Polygon):
    def __init__(self, side: int) -> None:
        super().__init__("square", 4, side)


@export
class BadSide(GeometryError):
    side: int

    def __init__(self, side: int) -> None:
        super().__init__("bad side " + str(side))
        self.side = side


MADE: Exported[list[Polygon]] = []


@export
def make_square(side: int) -> Polygon:
    if side <= 0:
        raise BadSide(side)
    p = Square(side)
    MADE.append(p)
    return p


@export
def is_polygon(s: Shape) -> bool:
    return isinstance(s, Polygon)


@export
def total_perimeter(ps: list[Polygon]) -> int:
    return sum(p.perimeter() for p in ps)


def init_module(space: Space) -> None:
    space.shapes.append(make_square(3))
    space.log.append("polys loaded")
