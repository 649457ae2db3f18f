# expect: overriding a method marked @final
from seam import final


class Base:
    @final
    def f(self) -> int:
        return 1


class Derived(Base):
    def f(self) -> int:
        return 2


def main(argv: list[str]) -> int:
    return 0
