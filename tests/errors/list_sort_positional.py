# expect: list.sort() given a positional argument
# list.sort() takes no positional argument in CPython: `xs.sort(True)` is a
# TypeError there, so Seam refuses it when checking.


def main(argv: list[str]) -> int:
    xs = [3, 1, 2]
    xs.sort(True)
    print(xs)
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(main(sys.argv))
