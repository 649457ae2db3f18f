# expect: str.title is not one of the supported str methods


def main(argv: list[str]) -> int:
    s = "hello world"
    print(s.title())
    return 0
