# expect: tuple.index is refused (only count is supported on tuple[T, ...])


def main(argv: list[str]) -> int:
    t = tuple([1, 2])
    print(t.index(2))
    return 0
