# expect: assigning to an index of an immutable str


def main(argv: list[str]) -> int:
    s = "abc"
    s[0] = "x"
    print(s)
    return 0
