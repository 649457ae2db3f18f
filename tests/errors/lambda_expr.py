# expect: lambda is not supported


def main(argv: list[str]) -> int:
    double = lambda x: x * 2
    print(double(2))
    return 0
