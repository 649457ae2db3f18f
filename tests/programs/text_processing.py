# String processing: run-length encoding, palindromes, word reversal, title case by hand, wrapping.


def rle(s: str) -> str:
    if s == "":
        return ""
    out = ""
    prev = s[0]
    count = 1
    for ch in s[1:]:
        if ch == prev:
            count += 1
        else:
            out = out + str(count) + prev
            prev = ch
            count = 1
    return out + str(count) + prev


def unrle(s: str) -> str:
    out = ""
    num = 0
    for ch in s:
        if ch.isdigit():
            num = num * 10 + int(ch)
        else:
            out = out + ch * num
            num = 0
    return out


def is_palindrome(s: str) -> bool:
    cleaned = ""
    for ch in s.lower():
        if ch.isalpha() or ch.isdigit():
            cleaned = cleaned + ch
    return cleaned == cleaned[::-1]


def title(s: str) -> str:
    words = s.split()
    out: list[str] = []
    for w in words:
        out.append(w[:1].upper() + w[1:].lower())
    return " ".join(out)


def wrap(text: str, width: int) -> list[str]:
    lines: list[str] = []
    line = ""
    for w in text.split():
        if line == "":
            line = w
        elif len(line) + 1 + len(w) <= width:
            line = line + " " + w
        else:
            lines.append(line)
            line = w
    if line != "":
        lines.append(line)
    return lines


def main(argv: list[str]) -> int:
    for s in ["aaabccddddde", "", "x", "ééé日日😀", "abcabc"]:
        enc = rle(s)
        print(repr(s), repr(enc), unrle(enc) == s)
    for p in ["A man, a plan, a canal: Panama", "Seam", "No 'x' in Nixon", "été"]:
        print(p, is_palindrome(p))
    print(title("the QUICK brown fOX"), title("  spaced   out  "))
    sentence = "Seam translates a statically typed subset of Python to native executables via Cranelift"
    for line in wrap(sentence, 24):
        print("|" + line + " " * (24 - len(line)) + "|")
    words = sentence.split()
    words.reverse()
    print(" ".join(words))
    acronym = ""
    for w in sentence.split():
        if w[0].isupper():
            acronym = acronym + w[0]
    print(acronym)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
