def main(argv: list[str]) -> int:
    x = 1
    y: int = x + 2
    x += y * 3
    print(x, y)
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(main(sys.argv))
