# expect: a type error at line 2, column 10: the byte-order mark is not a column
x: int = "s"


def main(argv: list[str]) -> int:
    return 0
