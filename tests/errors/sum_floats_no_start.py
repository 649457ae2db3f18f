# expect: sum() of floats needs a float start


def main(argv: list[str]) -> int:
    xs = [1.5, 2.5]
    print(sum(x for x in xs))
    return 0
