# Checked `x + c`, `c + x`, `x - c`, `x * c`, `c * x` and `x * a + b` with
# literals (each lowered as one compare) at and around the bounds of the int range. Translated, a result
# that does not fit raises OverflowError; CPython computes the big integer,
# which is reported as "overflow" too, so both print the same lines.

MIN = -9223372036854775808
MAX = 9223372036854775807


def attempt(label: str, x: int, which: int) -> None:
    try:
        if which == 0:
            r = x + 1
        elif which == 1:
            r = 1 + x
        elif which == 2:
            r = x - 1
        elif which == 3:
            r = x + -1
        elif which == 4:
            r = x - -1
        elif which == 5:
            r = x - -9223372036854775808
        elif which == 6:
            r = x + 4611686018427387904
        elif which == 7:
            r = -4611686018427387904 + x
        elif which == 8:
            r = x * 3
        elif which == 9:
            r = 3 * x
        elif which == 10:
            r = x * -1
        elif which == 11:
            r = x * -3
        elif which == 12:
            r = x * 2
        elif which == 13:
            r = x * -9223372036854775808
        elif which == 14:
            r = 4611686018427387904 * x
        elif which == 15:
            # One check for the whole `x * a + b`: 2**62 * 2 - 1 fits, as in CPython.
            r = x * 2 - 1
        elif which == 16:
            r = 3 * x + 1
        else:
            r = -1 + x * -2
        if r < MIN or r > MAX:
            print(label, which, "overflow")
        else:
            print(label, which, r)
    except OverflowError:
        print(label, which, "overflow")


def main(argv: list[str]) -> int:
    for x in [MIN, MIN + 1, -3074457345618258603, -3074457345618258602, -4611686018427387905,
              -4611686018427387904, -2, -1, 0, 1, 2, 3074457345618258602, 3074457345618258603,
              4611686018427387903, 4611686018427387904, MAX - 1, MAX]:
        for which in range(18):
            attempt(str(x), x, which)
    n = 0
    for i in range(1000):
        n += 3
    print(n)
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(main(sys.argv))
