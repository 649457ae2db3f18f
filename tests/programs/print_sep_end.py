# print with several arguments, sep= and end=.


def main(argv: list[str]) -> int:
    print()
    print("a", "b", "c")
    print("a", "b", "c", sep="")
    print("a", "b", "c", sep=", ")
    print("a", "b", sep="\n")
    print("no newline", end="")
    print(" -- continued")
    print("x", end="|")
    print("y", end="|")
    print("z")
    print(1, 2.5, True, None, "s", [1], {"k": 1}, (1,), sep=" ; ")
    print(sep="-")
    print("only end", end="\n\n")
    print("multi", "args", sep="", end="!\n")
    for i in range(5):
        print(i, end=" " if i < 4 else "\n")
    sep = "::"
    print("dyn", "sep", sep=sep)
    print("é", "日本", "😀", sep="/")
    print("", "", sep="x")
    print(end="")
    print("done")
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
