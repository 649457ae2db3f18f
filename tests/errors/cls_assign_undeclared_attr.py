# expect: assigning an attribute that is not declared at class level


class Point:
    x: int

    def __init__(self, x: int) -> None:
        self.x = x
        self.y = 0


def main(argv: list[str]) -> int:
    return Point(1).x
