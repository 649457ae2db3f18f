# An uncaught UnicodeDecodeError ends the program with CPython's last line.
def main(argv: list[str]) -> int:
    with open("tests/programs/data/io_bad_cont.txt") as f:
        print(f.readline())
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
