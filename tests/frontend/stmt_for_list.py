def total(xs: list[int]) -> int:
    t = 0
    for x in xs:
        t += x
    return t


def main(argv: list[str]) -> int:
    for word in argv:
        print(word)
    print(total([1, 2, 3]))
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(main(sys.argv))
