# expect: an unmatched brace in a format string


def main(argv: list[str]) -> int:
    print("{} {".format(1))
    return 0
