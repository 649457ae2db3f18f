# expect: too many positional arguments


def add(a: int, b: int) -> int:
    return a + b


def main(argv: list[str]) -> int:
    print(add(1, 2, 3))
    return 0
