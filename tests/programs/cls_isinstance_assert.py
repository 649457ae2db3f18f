# `assert isinstance(x, C)` narrows; a failing assert raises AssertionError.


class Shape:
    def area(self) -> float:
        return 0.0


class Square(Shape):
    side: float

    def __init__(self, side: float) -> None:
        self.side = side

    def area(self) -> float:
        return self.side * self.side


class Circle(Shape):
    r: float

    def __init__(self, r: float) -> None:
        self.r = r

    def area(self) -> float:
        return 3.0 * self.r * self.r


def side_of(s: Shape) -> float:
    assert isinstance(s, Square)
    return s.side


def radius_of(s: Shape) -> float:
    assert isinstance(s, Circle), "not a circle"
    return s.r


def main(argv: list[str]) -> int:
    shapes: list[Shape] = [Square(2.0), Circle(1.5), Square(0.25)]
    print(side_of(shapes[0]), side_of(shapes[2]))
    print(radius_of(shapes[1]))
    for s in shapes:
        print(s.area())
    try:
        print(radius_of(shapes[0]))
    except AssertionError as e:
        print("assertion:", str(e))
    try:
        print(side_of(shapes[1]))
    except AssertionError as e:
        print("bare assertion: [" + str(e) + "]")
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
