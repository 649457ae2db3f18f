# expect: a field of a subclass read through the base class without narrowing
class Base:
    def __init__(self) -> None:
        pass


class Sub(Base):
    x: int

    def __init__(self) -> None:
        super().__init__()
        self.x = 1


def get(b: Base) -> int:
    if isinstance(b, Sub) or len("a") > 0:
        return b.x
    return 0


def main(argv: list[str]) -> int:
    print(get(Sub()))
    return 0
