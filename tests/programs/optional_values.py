from typing import Optional


class Cell:
    value: int | None
    weight: Optional[float]

    def __init__(self, value: int | None) -> None:
        self.value = value
        self.weight = None


class Shape:
    pass


class Square(Shape):
    pass


def find(xs: list[int], x: int) -> int | None:
    for i, v in enumerate(xs):
        if v == x:
            return i
    return None


def describe(v: int | None) -> str:
    if v is None:
        return "nothing"
    return "got " + str(v + 1)


def flag(b: bool | None = None) -> str:
    if b is not None and b:
        return "yes"
    return "no or unknown"


def main(argv: list[str]) -> int:
    xs = [4, 8, 15, 16]
    print(find(xs, 15), find(xs, 42))
    print(describe(find(xs, 16)), describe(None))
    r = find(xs, 4)
    print(r, r == 0, r is None, r != 0, r == None)  # noqa: E711
    if r is not None:
        print(r * 10)
    c = Cell(None)
    print(c.value, c.weight)
    c.value = 7
    if c.value is not None:
        print(c.value + 1)
    c.weight = 2.5
    if c.weight is not None:
        print(c.weight * 2)
    opts: list[int | None] = [1, None, 3]
    opts.append(None)
    opts.append(0)
    print(opts, len(opts))
    total = 0
    for o in opts:
        if o is not None:
            total += o
    print(total)
    print([o for o in opts if o is not None], [o is None for o in opts])
    d: dict[str, float | None] = {"a": 1.5, "b": None}
    d["c"] = 0.25
    print(d)
    for k, v in d.items():
        if v is None:
            print(k, "missing")
        else:
            print(k, v + 1.0)
    print(flag(), flag(True), flag(False))
    m: int | None = None
    print(m)
    m = 5
    print(m + 1)
    z: int | None = 0
    print(bool(z), "truthy" if z else "falsy", z == 0, f"{z}")
    y = 3 if len(argv) > 100 else None
    print(y, str(y), repr(y))
    same: Optional[int] = 3
    other: Optional[int] = 3
    print(same == other, same != other, same == 3)
    print(sorted([o for o in opts if o is not None]))
    counts = {"a": 1, "b": 0}
    print(counts.get("a"), counts.get("b"), counts.get("z"))
    g = counts.get("b")
    if g is not None:
        print(g + 1)
    flags = {1: True}
    print(flags.get(1), flags.get(2))
    print(type(1).__name__, type(1.5).__name__, type(True).__name__, type("s").__name__)
    print(type(xs).__name__, type(d).__name__, type((1, "a")).__name__, type({1}).__name__)
    print(type(None).__name__, type(m).__name__, type(find(xs, 99)).__name__)
    sq: Shape = Square()
    print(type(sq).__name__, type(c).__name__, type(ValueError("x")).__name__)
    print(type(d.keys()).__name__, type(d.values()).__name__, type(d.items()).__name__)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
