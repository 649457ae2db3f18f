# expect: an empty tuple whose type cannot be inferred


def main(argv: list[str]) -> int:
    t = ()
    print(t)
    return 0
