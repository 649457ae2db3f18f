# expect: a syntax error (unclosed parameter list)


def broken(x: int -> int:
    return x


def main(argv: list[str]) -> int:
    return 0
