# expect: the with statement is not supported


def main(argv: list[str]) -> int:
    xs = [1]
    with xs:
        print(xs)
    return 0
