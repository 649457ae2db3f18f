# Files are values: compared by identity, stored in lists and dicts, optional,
# printed with CPython's repr; `raise SystemExit` without an argument.
import sys as system  # an alias works too
from typing import TextIO


def pick(fs: list[TextIO], i: int) -> TextIO | None:
    if i < len(fs):
        return fs[i]
    return None


def main(argv: list[str]) -> int:
    f = open("/dev/null")
    g = open("/dev/null")
    fs: list[TextIO] = [f, g]
    print(f == g, f == f, f is g, f in fs, f != g)
    print(f, type(f).__name__)
    print(repr(system.stdout), str(system.stderr))
    print(fs)
    h = pick(fs, 5)
    if h is not None:
        print(h.read())
    h = pick(fs, 1)
    if h is not None:
        print(repr(h.read()))
    print(f"{f}")
    d: dict[str, TextIO] = {"a": f}
    print(d)
    try:
        raise SystemExit
    except SystemExit as e:
        print("bare class", repr(str(e)))
    if f:
        print("files are true")
    return 0


if __name__ == "__main__":
    system.exit(main(system.argv))
