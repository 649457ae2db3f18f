# expect: attribute access in a format field


def main(argv: list[str]) -> int:
    xs = [1]
    print("{0[0]}".format(xs))
    return 0
