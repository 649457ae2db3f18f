# expect: indexing a tuple with a non-constant index


def main(argv: list[str]) -> int:
    t = (1, "a", 2.5)
    i = len(argv)
    print(t[i])
    return 0
