# An exception raised by a global initialiser, before main runs, exits with status 1.


def parse(s: str) -> int:
    return int(s)


FIRST: int = parse("12")
SECOND: int = parse("1 2")


def main(argv: list[str]) -> int:
    print("main never runs", FIRST, SECOND)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
