# expect: constructor called with the wrong number of arguments


class Pair:
    a: int
    b: int

    def __init__(self, a: int, b: int) -> None:
        self.a = a
        self.b = b


def main(argv: list[str]) -> int:
    p = Pair(1)
    return p.a
