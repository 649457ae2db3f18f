# `e.args` as CPython has it: the arguments a class's own `__init__` was given
# (unless it calls super().__init__, which replaces them), a builtin
# exception's message or nothing, a KeyError's key, an OSError's (errno,
# strerror), a UnicodeDecodeError's five, a SystemExit's code; printed, indexed,
# measured and tested for truth. Data files live in tests/programs/data.
import sys

DATA = "tests/programs/data/"


class Plain(Exception):
    pass


class Coded(Exception):
    code: int

    def __init__(self, code: int, where: str) -> None:
        self.code = code


class Told(Exception):
    def __init__(self, code: int) -> None:
        super().__init__(f"code {code}")


class Silent(Exception):
    def __init__(self, code: int) -> None:
        super().__init__()


class Lost(KeyError):
    pass


def show(e: Exception) -> None:
    print(type(e).__name__, e.args, len(e.args), repr(e.args), str(e.args), f"{e.args}")
    if e.args:
        print("  first:", e.args[0], repr(e.args[0]), str(e.args[0]), f"{e.args[0]!r} / {e.args[-1]}")
    if not e.args:
        print("  no arguments")


def main(argv: list[str]) -> int:
    for e in [
        Plain(),
        Plain("one"),
        Coded(3, "here"),
        Told(4),
        Silent(5),
        ValueError(),
        ValueError(""),
        ValueError("bad value"),
        KeyError("k"),
        Lost("lost"),
    ]:
        show(e)
    d = {1: "a", 2: "b"}
    try:
        print(d[3])
    except KeyError as e:
        show(e)
    words = {"x": 1}
    try:
        print(words["y'z"])
    except KeyError as e:
        show(e)
    pairs = {(1, "a"): 1.5}
    try:
        print(pairs[(2, "b")])
    except KeyError as e:
        show(e)
    try:
        d.clear()
        d.popitem()
    except KeyError as e:
        show(e)
    s = {1, 2}
    try:
        s.remove(7)
    except KeyError as e:
        show(e)
    try:
        open(DATA + "no_such_file.txt")
    except OSError as e:
        show(e)
        print(" ", e)
    try:
        open(DATA)
    except OSError as e:
        show(e)
    try:
        f = open(DATA + "io_bad_start.txt")
        f.read()
    except ValueError as e:
        show(e)
        print("  the bytes:", e.args[1], repr(e.args[1]), f"{e.args[1]}")
    try:
        sys.exit(3)
    except SystemExit as e:
        print("SystemExit", e.args, e)
    try:
        sys.exit()
    except SystemExit as e:
        print("SystemExit", e.args, repr(str(e)))
    try:
        assert len(s) == 0
    except AssertionError as e:
        show(e)
    try:
        assert len(s) == 0, "s is not empty"
    except AssertionError as e:
        show(e)
    try:
        print([1][5])
    except IndexError as e:
        show(e)
    try:
        raise Coded(1, "x")
    except Exception as e:
        try:
            print(e.args[2])
        except IndexError as inner:
            print("IndexError:", inner)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
