# expect: dict keys must be int, str, bool, class instances or tuples of those (not float)


def main(argv: list[str]) -> int:
    d: dict[float, int] = {}
    d[1.5] = 2
    print(d)
    return 0
