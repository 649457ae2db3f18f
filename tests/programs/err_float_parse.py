# float() of a malformed string raises ValueError.


def main(argv: list[str]) -> int:
    print(float("2.5"), float("-1e3"))
    print(float("abc"))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
