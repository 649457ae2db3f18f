# expect: a list display mixing int and float


def main(argv: list[str]) -> int:
    xs = [1, 2.5, 3]
    print(xs)
    return 0
