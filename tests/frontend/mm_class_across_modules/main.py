from base import Base


class Derived(Base):
    extra: int

    def __init__(self) -> None:
        super().__init__(1)
        self.extra = 2

    def value(self) -> int:
        return self.n + self.extra


def main(argv: list[str]) -> int:
    b: Base = Derived()
    print(b.value())
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(main(sys.argv))
