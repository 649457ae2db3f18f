# expect: calling an int


def main(argv: list[str]) -> int:
    x = 5
    print(x(2))
    return 0
