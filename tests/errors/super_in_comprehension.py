# expect: super() inside a comprehension: CPython 3.11 raises TypeError there (found by seam-gen, seed 61 with comprehensions)
class Base:
    def word(self, n: int) -> str:
        return "b" * n


class Sub(Base):
    def word(self, n: int) -> str:
        return "".join([super().word(k) for k in range(n)])


def main(argv: list[str]) -> int:
    print(Sub().word(3))
    return 0
