# expect: constructing or subclassing SystemExit


class Quit(SystemExit):
    pass


def main(argv: list[str]) -> int:
    raise SystemExit(2)
