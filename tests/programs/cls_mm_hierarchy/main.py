# A class hierarchy spread over a package: base in one module, subclasses in two others,
# isinstance against classes from every module, both `import a.b` and `from a.b import C`.
import shapes.base
import shapes.round
from shapes.poly import Rect, Square
from shapes.base import Shape


class Blob(shapes.round.Circle):
    def describe(self) -> str:
        return "blob! " + super().describe()


def kind(s: Shape) -> str:
    if isinstance(s, Square):
        return "square side " + str(s.w)
    if isinstance(s, Rect):
        return "rect " + str(s.w) + "x" + str(s.h)
    if isinstance(s, shapes.round.Ring):
        return "ring inner " + str(s.inner)
    if isinstance(s, shapes.round.Circle):
        return "circle r " + str(s.r)
    return "plain shape"


def main(argv: list[str]) -> int:
    items: list[Shape] = [
        Rect(2.0, 3.0),
        Square(1.5),
        shapes.round.Circle(1.0),
        shapes.round.Ring(2.0, 1.0),
        Blob(0.5),
        shapes.base.Shape("nothing"),
    ]
    for s in items:
        print(s.describe(), "|", kind(s))
    total = 0.0
    for s in items:
        total += s.area()
    print(total)
    print(shapes.round.Circle.PI, isinstance(items[4], shapes.round.Circle), isinstance(items[4], Rect))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
