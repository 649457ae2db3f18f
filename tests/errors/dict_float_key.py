# expect: dict keys must be int or str


def main(argv: list[str]) -> int:
    d: dict[float, int] = {}
    d[1.5] = 2
    print(d)
    return 0
