# expect: a keyword argument the function does not have


def scale(x: int, factor: int = 2) -> int:
    return x * factor


def main(argv: list[str]) -> int:
    print(scale(3, factr=4))
    return 0
