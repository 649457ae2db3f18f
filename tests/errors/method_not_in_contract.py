# expect: str.swapcase is not one of the supported str methods


def main(argv: list[str]) -> int:
    s = "hello world"
    print(s.swapcase())
    return 0
