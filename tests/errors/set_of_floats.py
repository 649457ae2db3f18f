# expect: set elements must be int, bool, str or tuples of those


def main(argv: list[str]) -> int:
    s: set[float] = set()
    print(s)
    return 0
