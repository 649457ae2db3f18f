def main(argv: list[str]) -> int:
    xs = [1, 2, 3, 4, 5]
    evens = [x * 10 for x in xs if x % 2 == 0]
    words = [w.upper() for w in argv]
    print(evens, words)
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(main(sys.argv))
