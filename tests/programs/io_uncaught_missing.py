# Opening a file that does not exist, uncaught: FileNotFoundError with CPython's message.
def main(argv: list[str]) -> int:
    f = open("tests/programs/data/does not exist.txt")
    print(f.read())
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
