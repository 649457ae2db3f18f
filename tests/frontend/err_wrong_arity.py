# expect: a call with too many arguments and an unknown keyword
def f(a: int, b: int = 2) -> int:
    return a + b


def main(argv: list[str]) -> int:
    print(f(1, 2, 3))
    print(f(1, c=4))
    return 0
