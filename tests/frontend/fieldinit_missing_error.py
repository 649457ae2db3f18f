# expect: __init__ leaves a field unassigned on one path
class Point:
    x: int
    y: int

    def __init__(self, x: int) -> None:
        self.x = x
        if x > 0:
            self.y = x


def main(argv: list[str]) -> int:
    print(Point(1).y)
    return 0
