# str methods: count, find/rfind/index/rindex with bounds, partition,
# rpartition, splitlines, zfill, ljust, rjust, center, title, capitalize,
# casefold and isalnum, on empty, ASCII and non-ASCII text.


def find_all(s: str, sub: str) -> str:
    out = ""
    for start in [-100, -3, -1, 0, 1, 2, 5, 100]:
        for end in [-100, -2, 0, 3, 100]:
            out += str(s.find(sub, start, end)) + "," + str(s.rfind(sub, start, end)) + ","
            out += str(s.count(sub, start, end)) + " "
    return out


def index_or(s: str, sub: str, right: bool) -> str:
    try:
        if right:
            return str(s.rindex(sub))
        return str(s.index(sub, 1))
    except ValueError as e:
        return "ValueError: " + str(e)


def main(argv: list[str]) -> int:
    texts = ["", "a", "banana", "héllo wörld", "日本語のテキスト日本", "aaaa"]
    subs = ["", "a", "an", "ö", "日本", "aa", "zz"]
    for s in texts:
        for sub in subs:
            print(repr(s), repr(sub), s.count(sub), s.find(sub), s.rfind(sub), find_all(s, sub))
            print("  ", index_or(s, sub, False), index_or(s, sub, True), s.count(sub, 2), s.rfind(sub, 1, -1))
    for s in ["key=value", "a=b=c", "none", "", "=x=", "日=本"]:
        print(s.partition("="), s.rpartition("="), s.partition("=="), s.rpartition("b=c"))
    try:
        print("x".partition(""))
    except ValueError as e:
        print("ValueError:", e)
    for s in ["", "one", "a\nb", "a\n", "\n", "a\r\nb\rc\n\nd", "x\x0by\x0cz\x1cw\x1dv\x1eu\x85t\u2028s\u2029r", "end\r"]:
        print(repr(s), s.splitlines(), s.splitlines(True), s.splitlines(keepends=False))
    for s in ["42", "-42", "+7", "", "-", "abc", "日本", "3.14"]:
        print(repr(s.zfill(0)), repr(s.zfill(5)), repr(s.zfill(1)), repr(s.zfill(-3)))
    for s in ["", "a", "ab", "abc", "日本"]:
        for w in [-1, 0, 3, 4, 7]:
            print(repr(s.ljust(w)), repr(s.rjust(w, "*")), repr(s.center(w)), repr(s.center(w, "·")))
    try:
        print("x".center(5, "ab"))
    except TypeError as e:
        print("TypeError:", e)
    try:
        print("x".ljust(5, ""))
    except TypeError as e:
        print("TypeError:", e)
    words = ["hello world", "HELLO WORLD", "hello-world's x2y", "ǆemal ǈubav", "ßtraße", "ﬁne ﬂow",
             "ΣΑΣ ΟΔΟΣ.", "ΌΣΟΣ", "İstanbul", "", "123abc", "a1b2 c3", "o'neil mc-donald", "ǳ", "ŉ", "ﬀ"]
    for word in words:
        print(repr(word), repr(word.title()), repr(word.capitalize()), repr(word.casefold()), word.isalnum())
    for t in ["abc123", "abc 123", "", "½", "²", "٣", "日本語", "é", "a_b", "Ⅻ", "①", "\u0301", "x\u0301"]:
        print(repr(t), t.isalnum())
    for t in ["\u0902", "\u2160", "\u01c5", "\u01c5a", "A\u01c5", "\u0663", "\u00bd", "\u00b2", "\u200b", "\u3000", "\x1f",
              "\u0345", "\u00aa", "\u02b0", "\u2170", "\U0001d7d9", "\u0e50"]:
        print(repr(t), t.isalpha(), t.isdigit(), t.isspace(), t.islower(), t.isupper(), t.isalnum())
    # Characters whose case mappings Unicode added after 14.0 keep CPython 3.11's (none).
    print(repr("\u019b\u0264\u1c8a".upper()), repr("\ua7cb\ua7cc\u1c89".lower()), repr("ΌΣΟΣ ΣΑΣ. Σ".lower()))
    print("Straße".casefold() == "STRASSE".casefold(), "ΣΊΣΥΦΟΣ".casefold(), "ꭰꮿ".casefold())
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
