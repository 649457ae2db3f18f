# expect: appending a str to a list[int]


def main(argv: list[str]) -> int:
    xs: list[int] = []
    xs.append("one")
    return 0
