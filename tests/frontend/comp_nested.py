def main(argv: list[str]) -> int:
    pairs = [(i, j) for i in range(3) for j in range(i) if i + j > 1]
    grid = [[i * j for j in range(3)] for i in range(2)]
    print(pairs, grid)
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(main(sys.argv))
