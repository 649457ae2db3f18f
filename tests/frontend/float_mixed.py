def mean(xs: list[float]) -> float:
    return sum(xs, 0.0) / len(xs)


def main(argv: list[str]) -> int:
    n = len(argv)
    x = n + 0.5
    y = x * 2 - n
    print(x, y, -x, x < n, float(n), int(x), abs(-x), round(x))
    print(mean([1.0, 2.0]))
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(main(sys.argv))
