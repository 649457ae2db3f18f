# expect: enumerate() is only supported as the iterable of a for loop


def main(argv: list[str]) -> int:
    e = enumerate([1, 2])
    print(e)
    return 0
