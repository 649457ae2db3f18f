# Non-ASCII text: length, indexing and slicing count code points.


def main(argv: list[str]) -> int:
    e = "café"
    jp = "日本語のテキスト"
    emoji = "a😀b🎉c"
    mixed = "é日😀x"
    print(e, len(e), e[3], e[-1], e[1:3], e[::-1])
    print(jp, len(jp), jp[0], jp[2], jp[-1], jp[1:4], jp[::2], jp[::-1])
    print(emoji, len(emoji), emoji[1], emoji[3], emoji[-2], emoji[::-1], emoji[1:4])
    print(mixed, len(mixed), mixed[::-1], mixed[1], mixed[2:])
    for ch in mixed:
        print(ch, ord(ch), len(ch))
    print(chr(233), chr(26085), chr(128512), chr(97), chr(0x1F389))
    print(ord("é"), ord("日"), ord("😀"), ord("\n"), ord(" "))
    print(e.upper(), "ÉCOLE".lower(), "straße".upper(), "ĀĒĪ".lower())
    print("日本" in jp, "本語" in jp, "😀" in emoji, "é" in "cafe")
    print(jp.find("語"), jp.find("テキ"), emoji.find("b"), jp.find("x"))
    print("é-ü-ñ".split("-"), "–".join(["a", "b"]))
    print("  日本  ".strip(), "日本日本".replace("本", "!"))
    print(repr(e), repr(jp), repr(emoji))
    print([e, jp], {"k": emoji})
    print(e + jp, e * 2, len(e * 3))
    print(f"{e}|{jp}|{emoji}|{len(emoji)}")
    print(e.startswith("ca"), e.endswith("é"), jp.startswith("日本"))
    print(sorted(["é", "e", "z", "日", "a", "😀"]))
    print(list("añ😀"))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
