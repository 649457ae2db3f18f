# expect: set elements must be int, bool, str or tuples of those


def main(argv: list[str]) -> int:
    a = [1]
    print({a[0] * 2.0, 3.0})
    return 0
