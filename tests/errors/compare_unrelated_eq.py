# expect: == between a str and an int (always False under CPython)


def main(argv: list[str]) -> int:
    n = len(argv)
    if n == "1":
        print("one")
    return 0
