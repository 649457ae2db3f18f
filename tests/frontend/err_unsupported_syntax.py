# expect: lambda and nested functions are refused
def main(argv: list[str]) -> int:
    def inner() -> int:
        return 1

    f = lambda: 2
    print(inner(), f())
    return 0
