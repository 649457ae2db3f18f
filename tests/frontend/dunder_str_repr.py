class Point:
    x: int
    y: int

    def __init__(self, x: int, y: int) -> None:
        self.x = x
        self.y = y

    def __repr__(self) -> str:
        return f"Point({self.x}, {self.y})"


class Named(Point):
    def __str__(self) -> str:
        return "named"


def main(argv: list[str]) -> int:
    p = Point(1, 2)
    print(p, [p], str(Named(0, 0)), repr(Named(3, 4)), f"{p}")
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(main(sys.argv))
