# int() and float() of text with non-ASCII digits and whitespace, as CPython
# reads it: decimal digits of every script count, Unicode whitespace is
# stripped, but of ASCII only space, \t, \n, \v, \f and \r are (not the
# separators \x1c..\x1f, although str.isspace() counts them).


def show_int(t: str) -> None:
    try:
        print("int", repr(t), int(t))
    except ValueError as e:
        print("int", repr(t), "ValueError:", e)


def show_float(t: str) -> None:
    try:
        print("float", repr(t), float(t))
    except ValueError as e:
        print("float", repr(t), "ValueError:", e)


def main(argv: list[str]) -> int:
    texts = [
        "\x1c5\x1f",
        "\x1c5",
        "5\x1f",
        "\x1d7",
        "\x1e7",
        " 5 ",
        "\t\n\x0b\x0c\r5\r\n",
        "\u00a05\u00a0",
        "\u20035",
        "\u30005",
        "\x855",
        "5\x85",
        "\u2028\u20295\u202f\u205f",
        "\u16805",
        "\uff11\uff12",
        "\u0663",
        "\u0967\u0968",
        "\U0001d7ce\U0001d7d7",
        "\U0001d7ec5",
        "1_000",
        "\uff11_\uff10",
        "\u00a0\u00a0",
        "",
        "+5",
        "- 5",
        "-\u00a05",
        "\u00a0-5",
        "\u180e5",
        "\u200b5",
        "\u00bd",
        "\u00b2",
        "\u2167",
        "\u0661.\u0665",
        "\uff11.\uff15",
        "\u0663.\u0665e\u0662",
        "\uff11e\uff15",
        "-\u0661\u0662.5",
        "\u00a0inf\u2003",
        "\uff4e\uff41\uff4e",
        "1.5\x1f",
        "\x7f1",
        "1\u00a0000",
    ]
    for t in texts:
        show_int(t)
        show_float(t)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
