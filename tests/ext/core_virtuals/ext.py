# Virtual calls on core objects, through a base-typed list.
from main import Rect, Scene, Shape, Square


def init_module(scene: Scene) -> None:
    total = 0.0
    for s in scene.shapes:
        print(s.describe(), "|", s.tag(), "|", s.area())
        total += s.area()
        bigger = s.scaled(2)
        print("  scaled:", bigger.describe())
    print("total", total)
    r: Rect = Square(3)
    print(r.describe(), r.w, r.h)
    sq = Square(5)
    print(sq.scaled(3).area(), Rect.area(sq), Shape.describe(sq))
    tiles(scene)


class Tile(Square):
    def describe(self) -> str:
        return "tile " + Square.describe(self)


class Corner(Tile):
    pass


def tiles(scene: Scene) -> None:
    # isinstance against the extension's own classes: bounds written into the code at load.
    shapes: list[Shape] = [Tile(1), Corner(2), Square(3)]
    for s in shapes:
        print(s.describe(), isinstance(s, Tile), isinstance(s, Corner))
