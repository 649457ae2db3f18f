# expect: a generator expression is only supported as the argument of


def main(argv: list[str]) -> int:
    g = (i for i in range(3))
    print(g)
    return 0
