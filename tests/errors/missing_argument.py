# expect: a required argument is missing


def add(a: int, b: int) -> int:
    return a + b


def main(argv: list[str]) -> int:
    print(add(1))
    return 0
