# expect: a '%' format with more fields than arguments


def main(argv: list[str]) -> int:
    print("%s and %s" % ("one",))
    return 0
