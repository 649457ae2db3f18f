# `//`, `%` and `>>` by literal divisors and shift counts, which the translation
# lowers inline (shifts and masks for powers of two, a hardware division with
# Python's floor fix-up otherwise), checked against the values CPython computes.

MIN = -9223372036854775808
MAX = 9223372036854775807


def samples() -> list[int]:
    xs = list(range(-17, 18))
    xs += [MIN, MIN + 1, MAX, MAX - 1, 1000000007, -1000000007, 4611686018427387904]
    return xs


def main(argv: list[str]) -> int:
    for x in samples():
        print(x, x // 1, x // 2, x // 8, x // 4611686018427387904, x % 1, x % 2, x % 8)
        print(x, x // 3, x // 10, x // 7, x // -2, x // -3, x // -8, x // MIN)
        print(x, x % 3, x % 10, x % 7, x % -2, x % -3, x % -8, x % MIN)
        print(x, x >> 0, x >> 1, x >> 5, x >> 62, x >> 63)
    total = 0
    n = 123456789
    while n > 0:
        total += n % 10
        n = n // 10
    print("digit sum", total)
    # A non-literal divisor still raises as CPython does.
    d = 0
    try:
        print(7 // d)
    except ZeroDivisionError as e:
        print("ZeroDivisionError:", e)
    try:
        print(7 % d)
    except ZeroDivisionError as e:
        print("ZeroDivisionError:", e)
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(main(sys.argv))
