def first_char(s: str | None) -> str:
    if s is None:
        return "?"
    return s[0]


def total(xs: list[int | None]) -> int:
    t = 0
    for x in xs:
        if x is None:
            continue
        t += x
    return t


def main(argv: list[str]) -> int:
    print(first_char(None), first_char("abc"), total([1, None, 2]))
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(main(sys.argv))
