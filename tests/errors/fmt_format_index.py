# expect: a field index beyond the arguments


def main(argv: list[str]) -> int:
    print("{0} {2}".format("a", "b"))
    return 0
