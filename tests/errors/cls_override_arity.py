# expect: an override with a different number of parameters


class Base:
    def f(self, x: int) -> int:
        return x


class Derived(Base):
    def f(self, x: int, y: int) -> int:
        return x + y


def main(argv: list[str]) -> int:
    return 0
