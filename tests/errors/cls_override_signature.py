# expect: an override whose parameter types differ from the overridden method


class Base:
    def f(self, x: int) -> int:
        return x


class Derived(Base):
    def f(self, x: str) -> int:
        return len(x)


def main(argv: list[str]) -> int:
    return 0
