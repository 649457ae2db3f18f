# `int ** int` with a negative exponent computed at run time: CPython gives a
# float (0.5); the translation's result is an int, so it raises ValueError
# instead (a sanctioned difference; a negative literal exponent is refused at
# check time). The translated runs' expectations are in
# int_pow_negative_runtime.translated_*.


def main(argv: list[str]) -> int:
    e = len(argv) - 2
    print(2 ** (e + 1))
    print(2 ** e)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
