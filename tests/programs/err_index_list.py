# Reading past the end of a list raises IndexError: list index out of range.


def main(argv: list[str]) -> int:
    xs = [1, 2, 3]
    i = 0
    while True:
        print("xs[", i, "] =", xs[i])
        i += 1
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
