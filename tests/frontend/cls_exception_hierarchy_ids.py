class ParseError(ValueError):
    line: int

    def __init__(self, line: int) -> None:
        super().__init__("line " + str(line))
        self.line = line


class LexError(ParseError):
    pass


class Fatal(Exception):
    pass


def main(argv: list[str]) -> int:
    try:
        raise LexError(3)
    except ParseError as e:
        print(e.line, e, isinstance(e, LexError))
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(main(sys.argv))
