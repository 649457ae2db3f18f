# Floor division and modulo on floats follow CPython (sign of the divisor).


def main(argv: list[str]) -> int:
    print(7.5 // 2, 7.5 % 2)
    print(-7.5 // 2, -7.5 % 2)
    print(7.5 // -2, 7.5 % -2)
    print(-7.5 // -2, -7.5 % -2)
    print(7 // 2.0, 7 % 2.0, -7 // 2.0, -7 % 2.0)
    print(1.0 // 0.1, 1.0 % 0.1)
    print(5.0 % 5.0, -5.0 % 5.0, 0.0 % -3.0)
    print(1e16 // 3.0, 2.5 % 0.5)
    x = 10.0
    x //= 3
    print(x)
    y = -10.0
    y %= 3
    print(y)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
