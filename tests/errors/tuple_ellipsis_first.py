# expect: '...' must follow the one element type of a tuple type


def first(t: tuple[..., int]) -> int:
    return 0


def main(argv: list[str]) -> int:
    return 0
