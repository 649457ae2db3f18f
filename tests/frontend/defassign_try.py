def parse(s: str) -> int:
    try:
        n = int(s)
    except ValueError:
        n = -1
    return n


def main(argv: list[str]) -> int:
    print(parse("12"), parse("x"))
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(main(sys.argv))
