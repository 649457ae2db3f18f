# expect: a keyword field with no such keyword argument


def main(argv: list[str]) -> int:
    print("{name}".format(nom="x"))
    return 0
