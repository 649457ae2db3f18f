# expect: attribute access on an int


def main(argv: list[str]) -> int:
    n = 5
    print(n.real)
    return 0
