# expect: a class declaring fields with no __init__ to assign them
class Base:
    a: int

    def __init__(self) -> None:
        self.a = 1


class Child(Base):
    b: str


def main(argv: list[str]) -> int:
    print(Child().a)
    return 0
