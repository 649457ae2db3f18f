# ord and chr: a Caesar cipher, a character histogram and code point ranges.


def caesar(text: str, shift: int) -> str:
    out = ""
    for ch in text:
        if "a" <= ch <= "z":
            out = out + chr((ord(ch) - ord("a") + shift) % 26 + ord("a"))
        elif "A" <= ch <= "Z":
            out = out + chr((ord(ch) - ord("A") + shift) % 26 + ord("A"))
        else:
            out = out + ch
    return out


def main(argv: list[str]) -> int:
    msg = "Hello, World! Seam translates Python."
    enc = caesar(msg, 3)
    print(enc)
    print(caesar(enc, -3))
    print(caesar(msg, 13), caesar(caesar(msg, 13), 13) == msg)
    alphabet = ""
    for c in range(ord("a"), ord("z") + 1):
        alphabet = alphabet + chr(c)
    print(alphabet, len(alphabet))
    print(ord("A"), ord("a"), ord("0"), ord("~"), chr(48), chr(126))
    counts: list[int] = [0] * 26
    for ch in "the quick brown fox jumps over the lazy dog":
        if ch != " ":
            counts[ord(ch) - ord("a")] += 1
    line = ""
    for i in range(26):
        line = line + chr(ord("a") + i) + str(counts[i])
    print(line)
    print(chr(0x3b1), chr(0x3c9), ord("α"), ord("ω"), chr(0x1F600))
    greek = ""
    for g in range(0x3b1, 0x3c1):
        greek = greek + chr(g)
    print(greek, len(greek))
    digits = "9075"
    value = 0
    for dch in digits:
        value = value * 10 + (ord(dch) - ord("0"))
    print(value + 1)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
