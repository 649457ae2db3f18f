# repr of strings, alone and inside containers: quoting and escapes.


def main(argv: list[str]) -> int:
    print(repr("plain"), repr(""), repr("it's"), repr('say "hi"'))
    print(repr("both ' and \""), repr("back\\slash"), repr("tab\there"))
    print(repr("new\nline"), repr("cr\rhere"), repr("bell\x07"), repr("nul\x00"))
    print(repr("del\x7f"), repr("é"), repr("日本"), repr("😀"), repr("\u00a0"))
    print(["a", "it's", 'q"', "x\ny"])
    print({"key": "va'l", "k2": "\t"})
    print(("tuple", "it's"))
    print(repr(repr("x")), str(repr("x")), len(repr("ab")))
    print(f"{repr('a')} {'b'} {['c']}")
    s = "mixed 'single' and \"double\""
    print(s)
    print(repr(s))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
