# expect: a method parameter without an annotation


class Acc:
    total: int

    def __init__(self) -> None:
        self.total = 0

    def add(self, x) -> None:
        self.total += x


def main(argv: list[str]) -> int:
    return 0
