# expect: a function without a return annotation


def double(x: int):
    return x * 2


def main(argv: list[str]) -> int:
    print(double(2))
    return 0
