# expect: a parameter without an annotation


def double(x) -> int:
    return x * 2


def main(argv: list[str]) -> int:
    return double(2)
