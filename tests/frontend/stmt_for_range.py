def main(argv: list[str]) -> int:
    n = len(argv)
    for i in range(3):
        print(i)
    for j in range(n, 10, 2):
        print(j)
    for k in range(10, 0, -3):
        print(k)
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(main(sys.argv))
