# argv is [program_path, arg1, ...]; the harness passes the arguments in argv_echo.args.


def main(argv: list[str]) -> int:
    args = argv[1:]
    print("argc", len(argv), "args", args)
    total = 0
    words: list[str] = []
    for a in args:
        if a.isdigit():
            total += int(a)
        else:
            words.append(a)
    print("numbers sum", total)
    print("words", words, " ".join(words).upper())
    if len(args) == 0:
        print("no arguments")
        return 0
    return len(args)


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
