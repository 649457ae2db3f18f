# expect: a conditional expression mixing int and float


def main(argv: list[str]) -> int:
    x = 1 if len(argv) > 1 else 2.5
    print(x)
    return 0
