# expect: set elements must be int, bool, str or tuples of those (a class field's type names the class)


class Point:
    x: int

    def __init__(self, x: int) -> None:
        self.x = x


class Cloud:
    points: set[Point]


def main(argv: list[str]) -> int:
    print(Point(1).x)
    return 0
