import sys


def main(argv: list[str]) -> int:
    first = sys.stdin.readline()
    sys.stderr.write("read " + str(len(first)) + "\n")
    sys.stdout.write(first.upper())
    try:
        rest = input("> ")
    except EOFError:
        rest = ""
    print(repr(rest), file=sys.stdout, flush=True)
    if rest == "quit":
        sys.exit(3)
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(main(sys.argv))
