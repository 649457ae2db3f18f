# expect: tuple() is not supported


def main(argv: list[str]) -> int:
    t = tuple([1, 2])
    print(t)
    return 0
