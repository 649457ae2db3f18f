# expect: a keyword argument for a positional-only parameter of a builtin
# CPython's builtins take some parameters by position only: `d.get(key=k)`
# is a TypeError there, so Seam refuses it when checking.


def main(argv: list[str]) -> int:
    d: dict[str, int] = {"a": 1}
    print(d.get(key="a"))
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(main(sys.argv))
