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


class Color:
    def __init__(self) -> None:
        pass


class Red(Color):
    pass


def main(argv: list[str]) -> int:
    shapes: list[Shape] = [Square(2.0), Circle(1.0)]
    print([s.area() for s in shapes], isinstance(Red(), Color))
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(main(sys.argv))
