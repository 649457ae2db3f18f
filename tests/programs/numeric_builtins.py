# divmod, pow, round, hex, oct, bin and abs, as CPython types and prints them.


def main(argv: list[str]) -> int:
    for a, b in [(7, 2), (-7, 2), (7, -2), (-7, -2), (0, 5), (9223372036854775807, 10)]:
        q, r = divmod(a, b)
        print("divmod", a, b, q, r, divmod(a, b) == (a // b, a % b))
    for x, y in [(7.5, 2.0), (-7.5, 2.0), (7.5, -2.0), (1.0, 0.1), (-0.0, 1.0)]:
        print("divmod", x, y, divmod(x, y))
    print(divmod(7, 2.5), divmod(-7.0, 3))
    try:
        print(divmod(1, 0))
    except ZeroDivisionError as e:
        print("ZeroDivisionError:", e)
    try:
        print(divmod(1.0, 0.0))
    except ZeroDivisionError as e:
        print("ZeroDivisionError:", e)

    print(pow(2, 10), pow(-3, 3), pow(2, 0), pow(0, 0), pow(2.0, 10), pow(2, 0.5), pow(2.0, -1))
    print(pow(10, 18), 2 ** 62, (-2) ** 63)
    k = -1
    print(2.0 ** k, pow(2.0, k), pow(4, 0.5))

    for f in [0.5, 1.5, 2.5, -0.5, -1.5, -2.5, 0.49999999999999994, 2.675, 1e15 + 0.5, -7.0]:
        print("round", f, round(f), round(f, 0), round(f, 1), round(f, 2), round(f, -1))
    for f, n in [(2.675, 2), (1.005, 2), (0.125, 2), (0.375, 2), (123.456, -2), (1e300, -299),
                 (5e-324, 323), (1.23456789, 15), (0.1 + 0.2, 16), (1.5, 400), (1.5, -400)]:
        print("round", f, n, round(f, n))
    print(round(-0.001, 1), round(0.001, 1), round(-1.5, -400))
    for i, n in [(125, -1), (135, -1), (-125, -1), (-135, -1), (5, -1), (15, -1), (1234, 2),
                 (987654321, -3), (-987654321, -5), (4999, -4), (5000, -4), (15000, -4)]:
        print("round", i, n, round(i, n))
    for bad in [float("inf"), float("nan")]:
        try:
            print(round(bad))
        except OverflowError as err:
            print("OverflowError:", err)
        except ValueError as err:
            print("ValueError:", err)
        print(round(bad, 2))

    for i in [0, 1, -1, 7, 255, -255, 4096, 9223372036854775807, -9223372036854775807 - 1]:
        print(i, hex(i), oct(i), bin(i))
    print(abs(-3), abs(3), abs(-2.5), abs(-0.0), abs(-9223372036854775807))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
