def main(argv: list[str]) -> int:
    n = len(argv)
    print(n + 1, n - 1, n * 3, -n)
    print(n // 4, n % 4, n // -2, n >> 2, n << 3)
    print(n ** 2, n & 6, n | 1, n ^ 5, ~n)
    print(n * 2 + 1, (n + 5) * 3)
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(main(sys.argv))
