# min, max (two or more arguments, or one list) and abs.


def main(argv: list[str]) -> int:
    print(min(3, 7), max(3, 7), min(-1, -5), max(-1, -5), min(4, 4))
    print(min(5, 2, 8, 1, 9), max(5, 2, 8, 1, 9))
    print(min(2.5, 1.5), max(2.5, 1.5), min(0.1, 0.2, 0.05))
    print(min("pear", "apple"), max("pear", "apple"), min("b", "a", "c"))
    xs: list[int] = [4, -2, 17, 0, 17, -9]
    print(min(xs), max(xs))
    fs: list[float] = [1.5, -0.5, 3.25]
    print(min(fs), max(fs))
    ss = ["kiwi", "fig", "banana"]
    print(min(ss), max(ss))
    print(abs(-5), abs(5), abs(0), abs(-2.5), abs(2.5), abs(-9223372036854775807))
    total = 0
    for x in xs:
        total += abs(x)
    print("sum of abs", total)
    best = xs[0]
    for y in xs:
        best = max(best, y)
    print("running max", best)
    print(max(len("a"), len("abc"), len("ab")), min(abs(-3), 2))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
