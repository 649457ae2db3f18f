# int() of a malformed string raises ValueError naming the literal.


def parse_all(cells: list[str]) -> list[int]:
    out: list[int] = []
    for c in cells:
        out.append(int(c))
        print("parsed", c)
    return out


def main(argv: list[str]) -> int:
    print(parse_all(["1", "-2", " 3 "]))
    print(parse_all(["4", "12x", "5"]))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
