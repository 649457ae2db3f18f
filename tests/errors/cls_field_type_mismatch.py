# expect: assigning a value of the wrong type to a declared field


class Counter:
    n: int

    def __init__(self) -> None:
        self.n = 0


def main(argv: list[str]) -> int:
    c = Counter()
    c.n = "three"
    return 0
