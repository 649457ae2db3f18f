# Line endings: this file ends its lines with a CR LF (Windows style), as Python allows.


def total(xs: list[int]) -> int:
    t = 0
    for x in xs:
        t = t + \
            x
    return t


def main(argv: list[str]) -> int:
    print(total([1, 2, 3]), "crlf")
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
