# An explicit raise of ValueError escapes main.


def parse_sign(s: str) -> int:
    if s == "+":
        return 1
    if s == "-":
        return -1
    raise ValueError("bad sign: " + repr(s))


def main(argv: list[str]) -> int:
    print(parse_sign("+"), parse_sign("-"))
    print(parse_sign("?"))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
