# Writing text files under the directory given as argv[1] (the harness makes
# a fresh one for every run): "w", "a", write() counts, print(file=...),
# flush, `with` closing on every way out, and the errors of wrong modes.
import sys
from typing import TextIO


class Stop(Exception):
    pass


def fill(path: str, stop_early: bool) -> int:
    with open(path, "w", encoding="utf-8") as f:
        for i in range(5):
            if i == 3 and stop_early:
                raise Stop("stopped at " + str(i))
            f.write("line " + str(i) + "\n")
    return 5


def first_line(path: str) -> str:
    with open(path) as f:
        return f.readline()


def count_until(path: str, word: str) -> int:
    n = 0
    with open(path) as f:
        for line in f:
            if word in line:
                break
            n += 1
    return n


def loop_exits(path: str) -> list[bool]:
    """break and continue leave a `with` inside a loop: the file is closed each time."""
    files: list[TextIO] = []
    for i in range(4):
        with open(path) as f:
            files.append(f)
            if i == 1:
                continue
            if i == 2:
                break
            f.readline()
    closed: list[bool] = []
    for g in files:
        closed.append(g.closed)
    return closed


def report(f: TextIO, label: str, value: int) -> None:
    print(label, value, sep=": ", end=";\n", file=f)


def main(argv: list[str]) -> int:
    d = argv[1] + "/"
    f = open(d + "out.txt", "w")
    print(f.write("héllo\n"), f.write(""), f.write("🙂 wörld\r\n"))
    print("a", "b", 3, file=f)
    print(file=f, flush=True)
    report(f, "answer", 42)
    f.flush()
    print("closed:", f.closed)
    f.close()
    print("closed:", f.closed)
    f.close()
    g = open(d + "out.txt")
    print(repr(g.read()))
    g.close()
    with open(d + "out.txt", "a") as a:
        a.write("appended\n")
        a.write("no newline at the end")
    with open(d + "out.txt", encoding="UTF-8") as r:
        print(r.readlines())
    print(fill(d + "full.txt", False), first_line(d + "full.txt"), end="")
    try:
        fill(d + "partial.txt", True)
    except Stop as e:
        print("Stop:", e)
    with open(d + "partial.txt") as r:
        print(repr(r.read()))
    print(count_until(d + "full.txt", "3"))
    print(loop_exits(d + "full.txt"))
    w = open(d + "w.txt", "w")
    try:
        w.read()
    except OSError as e:
        print("read on a 'w' file:", e)
    try:
        w.readline()
    except OSError as e:
        print("readline on a 'w' file:", e)
    r2 = open(d + "w.txt")
    try:
        r2.write("x")
    except OSError as e:
        print("write on an 'r' file:", e)
    r2.close()
    w.close()
    try:
        w.write("late")
    except ValueError as e:
        print("write after close:", e)
    try:
        w.flush()
    except ValueError as e:
        print("flush after close:", e)
    try:
        open(d + "missing/x.txt", "w")
    except FileNotFoundError as e:
        print("FileNotFoundError:", str(e).replace(d, "DIR/"))
    try:
        open(argv[1], "w")
    except IsADirectoryError as e:
        print("IsADirectoryError:", str(e).replace(d[:-1], "DIR"))
    # Left open: flushed at exit, as CPython does.
    left = open(d + "left_open.txt", "w")
    left.write("unclosed\n")
    print("done", file=sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
