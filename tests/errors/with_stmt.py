# expect: with on a value that is not a file (only files support with)


def main(argv: list[str]) -> int:
    xs = [1]
    with xs:
        print(xs)
    return 0
