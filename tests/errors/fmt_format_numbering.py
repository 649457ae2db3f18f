# expect: mixing automatic and manual field numbering


def main(argv: list[str]) -> int:
    print("{} {0}".format(1))
    return 0
