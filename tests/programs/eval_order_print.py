# print evaluates all its arguments before converting and writing any of them
# (found by seam-gen, seed 2): a later argument may change an earlier one.


g: list[int] = [1]
d: dict[str, int] = {"a": 1}


def f() -> int:
    global g
    g.pop()
    g = [2]
    return 0


def grow(xs: list[int], tag: str) -> str:
    xs.append(len(xs))
    d[tag] = len(xs)
    return tag


def main(argv: list[str]) -> int:
    print(g, f())
    g.append(5)
    print(g, {"k": 1}, f(), sep="|")
    xs = [7]
    print(xs, grow(xs, "b"), xs, d, grow(xs, "c"), end=";\n")
    print(xs, d, sep=grow(xs, "sep"), end=grow(xs, "end") + "\n")
    print(xs)
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(main(sys.argv))
