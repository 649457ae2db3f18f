# expect: a path that falls off the end of a function returning int


def sign(n: int) -> int:
    if n > 0:
        return 1
    elif n < 0:
        return -1


def main(argv: list[str]) -> int:
    return sign(3)
