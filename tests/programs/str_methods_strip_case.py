# strip/lstrip/rstrip (with and without characters), case changes and the
# is* predicates, including on empty strings.


def flags(s: str) -> str:
    return f"{s.isdigit()} {s.isalpha()} {s.isspace()} {s.islower()} {s.isupper()}"


def main(argv: list[str]) -> int:
    s = "  \t hello world \n "
    print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()))
    print(repr("xxhixx".strip("x")), repr("xyhiyx".strip("xy")), repr("abc".strip("")))
    print(repr("--a--".lstrip("-")), repr("--a--".rstrip("-")), repr("".strip()))
    print(repr("   ".strip()), repr("0012300".strip("0")))
    print("Hello World".upper(), "Hello World".lower(), "123abc".upper(), "".upper())
    samples: list[str] = ["123", "12a", "abc", "ABC", "aBc", "", " ", " \t\n", "a b", "Hello", "HELLO1", "hello1", "12.5", "-3"]
    for t in samples:
        print(repr(t), flags(t))
    digits = 0
    letters = 0
    spaces = 0
    for ch in "Seam 2024: typed Python!":
        if ch.isdigit():
            digits += 1
        elif ch.isalpha():
            letters += 1
        elif ch.isspace():
            spaces += 1
    print(digits, letters, spaces)
    word = "MiXeD"
    swapped = ""
    for c in word:
        if c.isupper():
            swapped = swapped + c.lower()
        else:
            swapped = swapped + c.upper()
    print(swapped)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
