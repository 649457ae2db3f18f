# expect: reading an attribute the class does not declare


class Point:
    x: int

    def __init__(self, x: int) -> None:
        self.x = x


def main(argv: list[str]) -> int:
    p = Point(3)
    print(p.z)
    return 0
