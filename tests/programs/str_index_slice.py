# String indexing and slicing, with steps (including negative) and bounds.


def main(argv: list[str]) -> int:
    s = "abcdefghij"
    print(s[0], s[1], s[9], s[-1], s[-10], s[-3])
    print(s[2:5], s[:3], s[7:], s[:], s[-3:], s[:-3])
    print(s[::2], s[1::2], s[::3], s[::-1], s[::-2], s[8:2:-2])
    print(s[5:2], s[100:], s[-100:3], s[3:100], s[2:-2], s[-2:2])
    print(s[9:0:-1], s[9::-3], s[:0:-1], s[-1:-11:-1], s[0:10:4])
    print(repr(s[5:5]), repr(s[10:]), len(s[3:7]))
    i = 0
    n = len(s)
    out = ""
    while i < n:
        out = out + s[i] + s[n - 1 - i]
        i += 1
    print(out)
    for start in range(-12, 12, 5):
        for stop in range(-12, 12, 7):
            print(start, stop, repr(s[start:stop]), repr(s[start:stop:-1]), repr(s[start:stop:3]))
    word = "racecar"
    print(word == word[::-1], "seam" == "seam"[::-1])
    t = "hello world"
    print(t[t.find(" ") + 1:], t[:t.find(" ")])
    a = 2
    b = 8
    print(s[a:b], s[a:b:a], s[b:a:-a], s[-a:], s[:-a])
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
