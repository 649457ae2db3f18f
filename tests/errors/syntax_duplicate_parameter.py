# expect: a parameter name given twice is a SyntaxError in CPython
def f(a: int, a: int) -> int:
    return a


def main(argv: list[str]) -> int:
    print(f(1, 2))
    return 0
