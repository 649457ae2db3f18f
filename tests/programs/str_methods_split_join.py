# split (with and without a separator) and join.


def main(argv: list[str]) -> int:
    print("a b  c".split(), "  leading and trailing  ".split(), "".split(), "   ".split())
    print("a,b,,c".split(","), ",".split(","), "".split(","), "abc".split(","))
    print("one::two::three".split("::"), "x--y--".split("--"))
    print("tab\tsep\nnew line".split(), "a\r\nb".split())
    words = "the rain in spain stays mainly".split()
    print(len(words), words)
    print(" ".join(words), "-".join(words), "".join(words))
    print(", ".join(["x"]), repr(", ".join([])))
    empty: list[str] = []
    print(repr("|".join(empty)))
    line = "name=seam;version=1;lang=python"
    for field in line.split(";"):
        parts = field.split("=")
        print(parts[0], "->", parts[1])
    csv = "1,2,3,4,5"
    total = 0
    for cell in csv.split(","):
        total += int(cell)
    print("total", total)
    rebuilt = "+".join(csv.split(","))
    print(rebuilt)
    letters = list("hello")
    letters.reverse()
    print("".join(letters))
    print("/".join("a b c".split(" ")))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
