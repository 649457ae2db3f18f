# expect: a subclass of a @final class, and an override of a @final method
from seam import final


@final
class Sealed:
    pass


class Open(Sealed):  # type: ignore[misc]
    pass


class Base:
    @final
    def f(self) -> int:
        return 1


class Sub(Base):
    def f(self) -> int:  # type: ignore[misc]
        return 2


def main(argv: list[str]) -> int:
    print(Sub().f())
    return 0
