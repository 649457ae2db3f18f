# expect: with on a value that is not a file


def main(argv: list[str]) -> int:
    xs = [1, 2]
    with xs as ys:
        print(ys)
    return 0
