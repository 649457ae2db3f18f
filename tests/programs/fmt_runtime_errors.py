# Format specs computed at run time are checked at run time, raising what
# CPython raises; format() with a spec held in a variable.
from typing import Optional


def try_format(x: float, spec: str) -> str:
    try:
        return "ok: " + format(x, spec)
    except ValueError as e:
        return "ValueError: " + str(e)


def try_int(n: int, spec: str) -> str:
    try:
        return "ok: " + f"{n:{spec}}"
    except ValueError as e:
        return "ValueError: " + str(e)
    except OverflowError as e:
        return "OverflowError: " + str(e)


def try_str(s: str, spec: str) -> str:
    try:
        return "ok: [" + "{:{}}".format(s, spec) + "]"
    except ValueError as e:
        return "ValueError: " + str(e)


def try_list(xs: list[int], spec: str) -> str:
    try:
        return "ok: " + f"{xs:{spec}}"
    except TypeError as e:
        return "TypeError: " + str(e)


def try_optional(o: Optional[str], spec: str) -> str:
    try:
        return "ok: " + format(o, spec)
    except TypeError as e:
        return "TypeError: " + str(e)


def show_opt(o: Optional[int], f: Optional[float]) -> str:
    try:
        return f"{o}|{o!r}|{f}|" + "%s %r %s|" % (o, o, f) + "{}|".format(f) + f"{o:>5}|{f:.2f}"
    except TypeError as e:
        return "TypeError: " + str(e)


def main(argv: list[str]) -> int:
    for spec in ["", ".2f", "d", "x", ",_", "_,", ".", "10.3e", "abc", "=+8.1f", ">10%", "c", "zd"]:
        print(repr(spec), try_format(2.5, spec), "|", try_int(255, spec), "|", try_str("hi", spec))
    print(try_int(-1, "c"), try_int(1114112, "c"), try_int(9731, "c"))
    print(try_list([1, 2], ""), try_list([1, 2], ">10"))
    print(try_optional(None, ""), try_optional(None, "5"), try_optional("x", ">3"))
    print(show_opt(7, 2.5), show_opt(None, 1.0), show_opt(-3, None))
    print(format(3), format(2.5), format("s"), format(True), format(12, "b"), ascii("ü"))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
