# The factorial reproducer: 25! does not fit in 64 bits. CPython prints the
# exact value; translated, the multiplication raises OverflowError, uncaught
# (status 1, after the lines printed before it). A sanctioned difference: the
# translated runs' expectations are in int_overflow_uncaught.translated_*.


def main(argv: list[str]) -> int:
    x = 1
    for i in range(1, 26):
        x = x * i
        if i % 5 == 0:
            print(i, x)
    print(x)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
