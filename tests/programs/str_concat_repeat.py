# String concatenation, repetition and building strings in loops.


def main(argv: list[str]) -> int:
    a = "foo"
    b = "bar"
    print(a + b, b + a, a + "" + b, "" + "")
    print(a * 3, "-" * 10, repr(a * 0), repr(a * -2), 3 * "ab")
    s = ""
    for i in range(10):
        s += str(i)
    print(s, len(s))
    t = "x"
    for j in range(5):
        t = t + t
    print(len(t))
    line = "=" * 20
    print(line)
    print("|" + " " * 5 + "centre" + " " * 5 + "|")
    row = ""
    for k in range(1, 6):
        row = row + "*" * k + " "
    print(row)
    acc = "start"
    acc += "-middle"
    acc += "-end"
    print(acc)
    n = 4
    print(("ab" + "c") * n, "ab" + "c" * n)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
