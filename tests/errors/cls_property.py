# expect: properties are not supported


class Temp:
    c: float

    def __init__(self, c: float) -> None:
        self.c = c

    @property
    def f(self) -> float:
        return self.c * 1.8 + 32.0


def main(argv: list[str]) -> int:
    print(Temp(1.0).f)
    return 0
