# Reading text files: read, read(n), readline, readlines, iteration, `with`,
# universal newlines, UTF-8 decoding errors with CPython's messages, and the
# OSError family. Data files live in tests/programs/data.
from typing import IO, TextIO

DATA = "tests/programs/data/"


def show_read_all(name: str) -> None:
    f = open(DATA + name)
    text = f.read()
    f.close()
    print(name, len(text), repr(text))


def show_lines(f: TextIO) -> list[str]:
    out: list[str] = []
    for line in f:
        out.append(line)
    return out


def read_pieces(name: str, n: int) -> list[str]:
    pieces: list[str] = []
    with open(DATA + name, "r", encoding="utf-8") as f:
        while True:
            piece = f.read(n)
            if piece == "":
                break
            pieces.append(piece)
    return pieces


def try_open(path: str) -> None:
    try:
        f = open(path)
        print("opened", path, f.read(5))
        f.close()
    except FileNotFoundError as e:
        print("FileNotFoundError:", e)
    except IsADirectoryError as e:
        print("IsADirectoryError:", e)
    except OSError as e:
        print("OSError:", e)


def try_decode(name: str) -> None:
    f = open(DATA + name)
    try:
        print(repr(f.read()))
    except UnicodeDecodeError as e:
        print("UnicodeDecodeError:", e)
    except ValueError as e:
        print("not reached", e)
    f.close()


def try_lines(name: str) -> None:
    f = open(DATA + name)
    count = 0
    try:
        for line in f:
            count += 1
    except UnicodeDecodeError as e:
        print("after", count, "lines:", e)
    f.close()


def main(argv: list[str]) -> int:
    for name in ["io_utf8.txt", "io_crlf.txt", "io_empty.txt"]:
        show_read_all(name)
    with open(DATA + "io_utf8.txt") as f:
        print(show_lines(f))
        print("closed inside:", f.closed)
        print("again at the end:", repr(f.readline()), f.readlines())
    print("closed after:", f.closed)
    g: IO[str] = open(DATA + "io_crlf.txt")
    print(g.readlines())
    g.close()
    g.close()
    print(read_pieces("io_utf8.txt", 4))
    print(read_pieces("io_crlf.txt", 3))
    h = open(DATA + "io_utf8.txt")
    print(repr(h.readline()), repr(h.read(3)), repr(h.readline()), repr(h.read()))
    print(repr(h.read()), repr(h.readline()), h.readlines())
    h.close()
    for op in ["read", "readline", "readlines", "iterate", "write"]:
        try:
            if op == "read":
                h.read()
            elif op == "readline":
                h.readline()
            elif op == "readlines":
                h.readlines()
            elif op == "iterate":
                for line in h:
                    print(line)
            else:
                h.write("x")
        except ValueError as e:
            print(op, "ValueError:", e)
    try:
        with h:
            print("not reached")
    except ValueError as e:
        print("with on a closed file:", e)
    try_open("tests/programs/data/no_such_file.txt")
    try_open("")
    try_open("tests/programs/data")
    try_open("tests/programs/data/io_utf8.txt/inside")
    try_open(DATA + "io_utf8.txt")
    for name in ["io_bad_start.txt", "io_bad_cont.txt", "io_truncated.txt", "io_chunks.txt"]:
        try_decode(name)
        try_lines(name)
    c = open(DATA + "io_chunks.txt")
    first = c.readline()
    print(len(first), repr(first[-3:]))
    try:
        print(len(c.readline()))
    except UnicodeDecodeError as e:
        print("second line:", e)
    c.close()
    d = open(DATA + "io_chunks.txt")
    try:
        print(len(d.read(8000)))
        print(len(d.read(9000)))
    except UnicodeDecodeError as e:
        print("read(n):", e)
    d.close()
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
