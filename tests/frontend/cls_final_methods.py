from seam import final


class Base:
    n: int

    def __init__(self, n: int) -> None:
        self.n = n

    @final
    def double(self) -> int:
        return self.n * 2

    def show(self) -> str:
        return str(self.double())


@final
class Leaf(Base):
    def show(self) -> str:
        return "leaf " + str(self.n)


def main(argv: list[str]) -> int:
    b: Base = Leaf(2)
    leaf = Leaf(3)
    print(b.double(), b.show(), leaf.show())
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(main(sys.argv))
