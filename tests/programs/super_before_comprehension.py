# super() called where CPython 3.11 allows it: before a comprehension, and
# in a comprehension's first iterable, which runs in the enclosing function.


class Base:
    def word(self, n: int) -> str:
        return "b" * n

    def sizes(self) -> list[int]:
        return [1, 2, 3]


class Sub(Base):
    def word(self, n: int) -> str:
        w = super().word(n)
        return "".join([w + str(k) for k in super().sizes()])


def main(argv: list[str]) -> int:
    print(Sub().word(2))
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(main(sys.argv))
