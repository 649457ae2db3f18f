import sys


def main(argv: list[str]) -> int:
    path = argv[1] if len(argv) > 1 else "/tmp/seam_frontend_with.txt"
    with open(path, "w") as out:
        out.write("one\n")
        print("two", file=out)
    with open(path) as f:
        for line in f:
            sys.stdout.write(line)
    with open(path, "r") as f:
        text = f.read()
    print(len(text))
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(main(sys.argv))
