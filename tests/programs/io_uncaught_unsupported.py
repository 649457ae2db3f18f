# Reading a file opened for writing: io.UnsupportedOperation, uncaught.
import sys


def main(argv: list[str]) -> int:
    f = open(argv[1] + "/x.txt", "w")
    print("opened")
    print(f.read())
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
