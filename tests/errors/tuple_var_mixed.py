# expect: tuple() of a tuple with elements of different types is refused


def main(argv: list[str]) -> int:
    t = tuple((1, "a"))
    print(t)
    return 0
