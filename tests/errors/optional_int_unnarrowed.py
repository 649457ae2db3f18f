# expect: narrow the optional first


def f(x: int | None) -> int:
    return x + 1


def main(argv: list[str]) -> int:
    print(f(3))
    return 0
