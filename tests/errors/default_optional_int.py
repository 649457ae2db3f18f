# expect: an int literal as the default of an int | None parameter is refused, once (no second error about the parameters' order)
def f(a: int = 1, b: int | None = 4) -> int:
    return a if b is None else a + b


def main(argv: list[str]) -> int:
    print(f())
    return 0
