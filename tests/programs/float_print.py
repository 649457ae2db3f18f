# str()/print of floats must match CPython's repr: shortest round-trip digits.


def main(argv: list[str]) -> int:
    print(0.1 + 0.2)
    print(0.1 + 0.7, 0.3 - 0.1, 1.1 * 1.1)
    print(1.0, 2.5, -3.75, 100.0, 0.0, -0.0)
    print(1 / 3, 2 / 3, 10 / 4, 7 / 7, -1 / 3)
    print(1e16, 1e15, 123456789012345.6, 1234567890123456.0, 12345678901234567.0)
    print(1e-5, 1e-4, 0.0001, 0.00001234, 1.5e-7)
    print(1e20, 1e21, 1e22, 1e100, 1.7976931348623157e308)
    print(5e-324, 2.2250738585072014e-308, 1e-300)
    print(123456789.123456789, 3.141592653589793, 2.718281828459045)
    print(0.5, 0.25, 0.125, 0.1, 0.2, 0.3)
    print(100.5, 1000000.0, 9999999999999998.0, 1e16 + 1.0)
    print(float(10 ** 18), float(2 ** 53), float(2 ** 53 + 1), float(-7))
    print(str(1.5), repr(2.5), str(-0.0), repr(1e-10))
    print(f"{0.1} {1e22} {-2.0} {1 / 8}")
    x = 1.0
    for i in range(12):
        print(i, x)
        x = x * 10.0 + 0.5
    y = 1.0
    for j in range(10):
        y = y / 7.0
        print(j, y)
    values: list[float] = [0.1, 1e16, 1e-5, -0.0, 1.0]
    print(values)
    print(1.0e0, 15.0e-1, 0.000001, 0.0000001)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
