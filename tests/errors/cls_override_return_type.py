# expect: an override whose return type differs from the overridden method


class Base:
    def f(self) -> int:
        return 1


class Derived(Base):
    def f(self) -> str:
        return "one"


def main(argv: list[str]) -> int:
    return 0
