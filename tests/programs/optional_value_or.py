# `v or k` where v is an `int | None` yields v's int when it is truthy (the
# translation yielded the address of its box; found by seam-gen), and `is None`
# on a value an assignment narrowed to int is simply false, as in CPython.


def pick(v: int | None) -> int:
    return v or 7


def scale(f: float | None) -> float:
    return f or 0.5


def keep(v: int | None) -> int | None:
    return v and 3


def main(argv: list[str]) -> int:
    print(pick(-9), pick(None), pick(0), pick(12))
    print(scale(2.25), scale(None), scale(0.0))
    print(keep(None), keep(0), keep(5))
    x: int | None = None
    y = x or 3
    print(y)
    v: int | None = 5
    print(v is None, v is not None, (v if v is not None else 3))
    b: bool | None = True
    print(b or False, b is None)
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(main(sys.argv))
