def main(argv: list[str]) -> int:
    n = len(argv)
    assert n >= 1
    assert n < 100, "too many arguments"
    print(n)
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(main(sys.argv))
