# expect: an override whose parameter type differs from the base method's
class A:
    def f(self, x: int) -> int:
        return x


class B(A):
    def f(self, x: str) -> int:  # type: ignore[override]
        return len(x)


def main(argv: list[str]) -> int:
    print(B().f("a"))
    return 0
