# expect: subclassing a builtin type that is not an exception class


class MyList(list[int]):
    pass


def main(argv: list[str]) -> int:
    return 0
