# An uncaught ZeroDivisionError from // after some output; stdout must be flushed.


def divide_all(xs: list[int], d: int) -> list[int]:
    out: list[int] = []
    for x in xs:
        out.append(x // d)
    return out


def main(argv: list[str]) -> int:
    print("halves", divide_all([10, 11, -3], 2))
    zero = len(argv) - len(argv)
    print("dividing by", zero, end="...\n")
    print(divide_all([1, 2], zero))
    print("not reached")
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
