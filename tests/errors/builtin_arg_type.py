# expect: len of an int


def main(argv: list[str]) -> int:
    n = 12345
    print(len(n))
    return 0
