# expect: a negative literal exponent on int ** int (CPython gives a float), and pow() with a modulus
def main(argv: list[str]) -> int:
    a = 2 ** -1
    b = pow(10, -2)
    c = len(argv) ** -3
    d = pow(2, 3, 5)
    print(a, b, c, d)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
