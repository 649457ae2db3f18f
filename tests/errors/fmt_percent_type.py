# expect: '%d' of a str


def main(argv: list[str]) -> int:
    name = "x"
    print("%d" % name)
    return 0
