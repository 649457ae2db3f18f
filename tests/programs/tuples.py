# Tuples: construction, unpacking, constant indexing, printing, returning several values.


def divmod_floor(a: int, b: int) -> tuple[int, int]:
    return a // b, a % b


def min_max(xs: list[int]) -> tuple[int, int]:
    lo = xs[0]
    hi = xs[0]
    for x in xs:
        if x < lo:
            lo = x
        if x > hi:
            hi = x
    return (lo, hi)


def describe(p: tuple[str, int, float]) -> str:
    return f"{p[0]} is {p[1]} and weighs {p[2]}"


def main(argv: list[str]) -> int:
    t = (1, "two", 3.0)
    print(t, t[0], t[1], t[2], t[-1], len(t))
    single = (5,)
    print(single, single[0], len(single))
    pair = 1, 2
    print(pair)
    a, b = pair
    print(a, b)
    a, b = b, a
    print(a, b)
    q, r = divmod_floor(-17, 5)
    print(q, r, divmod_floor(17, -5))
    lo, hi = min_max([3, -1, 8, 0])
    print(lo, hi)
    print(describe(("box", 3, 1.5)))
    nested = ((1, 2), ("x", (True, None)))
    print(nested, nested[1][1][0])
    points: list[tuple[int, int]] = [(0, 0), (1, 2), (-3, 4)]
    print(points)
    for x, y in points:
        print(x * y, x + y)
    for p in points:
        print(p[0] - p[1])
    print((1, 2) == (1, 2), (1, 2) != (2, 1), (1, "a") == (1, "a"))
    table: dict[str, tuple[int, int]] = {"a": (1, 2)}
    print(table, table["a"][1])
    first, second, third = "xyz", [1], {"k": 0}
    print(first, second, third)
    s = str((1, 2.5, "s", [1], {"d": 1}, (1,)))
    print(s)
    print(repr((0,)), str(("a",)))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
