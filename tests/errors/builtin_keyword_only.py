# expect: a positional argument for a keyword-only parameter of a builtin
# sorted()'s 'reverse' is keyword-only in CPython: `sorted(xs, True)` is a
# TypeError there, so Seam refuses it when checking.


def main(argv: list[str]) -> int:
    xs = [3, 1, 2]
    print(sorted(xs, True))
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(main(sys.argv))
