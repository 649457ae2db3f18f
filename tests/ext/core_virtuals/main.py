# The extension calls virtual methods on core objects: the call dispatches to
# the core override of the object's dynamic class, whatever the static type.
from seam import export, final, load_extension


@export
class Shape:
    name: str

    def __init__(self, name: str) -> None:
        self.name = name

    def area(self) -> float:
        return 0.0

    def describe(self) -> str:
        return f"{self.name} with area {self.area()}"

    def scaled(self, k: int) -> "Shape":
        return Shape(self.name + "*" + str(k))

    @final
    def tag(self) -> str:
        return "<" + self.name + ">"


@export
class Rect(Shape):
    w: int
    h: int

    def __init__(self, w: int, h: int) -> None:
        super().__init__("rect")
        self.w = w
        self.h = h

    def area(self) -> float:
        return float(self.w * self.h)

    def scaled(self, k: int) -> Shape:
        return Rect(self.w * k, self.h * k)


@export
class Square(Rect):
    def __init__(self, side: int) -> None:
        super().__init__(side, side)
        self.name = "square"

    def describe(self) -> str:
        return "a square! " + Rect.describe(self)


@export
class Circle(Shape):
    r: float

    def __init__(self, r: float) -> None:
        super().__init__("circle")
        self.r = r

    def area(self) -> float:
        return 3.0 * self.r * self.r


class Hidden(Shape):
    """Not exported: the extension only sees it as a Shape."""

    def area(self) -> float:
        return -1.0

    def describe(self) -> str:
        return "hidden " + self.name


@export
class Scene:
    shapes: list[Shape]

    def __init__(self) -> None:
        self.shapes = [Shape("blob"), Rect(2, 3), Square(4), Circle(0.5), Hidden("h")]


def main(argv: list[str]) -> int:
    load_extension("ext", Scene())
    return 0
