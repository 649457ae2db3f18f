# float / 0.0 raises ZeroDivisionError: float division by zero.


def main(argv: list[str]) -> int:
    x = 1.5
    y = 0.0
    for i in range(3):
        print(x / (y + 1.0 + i))
    print(x / y)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
