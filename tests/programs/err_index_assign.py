# Assigning out of range raises IndexError: list assignment index out of range.


def main(argv: list[str]) -> int:
    xs = [0] * 3
    for i in range(3):
        xs[i] = i * i
    print(xs)
    xs[3] = 9
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
