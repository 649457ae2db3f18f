# startswith, endswith, find, replace and the `in` operator.


def main(argv: list[str]) -> int:
    s = "the quick brown fox jumps over the lazy dog"
    print(s.startswith("the"), s.startswith("quick"), s.startswith(""), s.startswith(s))
    print(s.endswith("dog"), s.endswith("cat"), s.endswith(""), "".endswith("a"))
    print(s.find("the"), s.find("fox"), s.find("cat"), s.find(""), s.find("g"), "".find(""))
    print(s.replace("the", "a"), s.replace("o", "0"), s.replace("xyz", "?"))
    print("aaaa".replace("a", "bb"), "aaaa".replace("aa", "b"), "abc".replace("", "-"))
    print("fox" in s, "cat" in s, "" in s, " " in s, "q" not in s)
    print("banana".find("ana"), "banana".replace("ana", "ANA"))
    count = 0
    rest = s
    pos = rest.find("o")
    while pos >= 0:
        count += 1
        rest = rest[pos + 1:]
        pos = rest.find("o")
    print("o occurs", count, "times")
    words: list[str] = ["apple", "banana", "avocado", "cherry", "apricot"]
    for w in words:
        if w.startswith("a") and not w.endswith("o"):
            print("a-word", w)
        if "an" in w:
            print("contains an", w)
    path = "src/main.py"
    if path.endswith(".py"):
        print("module", path[:-3].replace("/", "."))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
