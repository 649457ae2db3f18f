# expect: type() is only supported as type(x).__name__


def main(argv: list[str]) -> int:
    print(type(3))
    return 0
