# tuple[T, ...]: tuple() from every iterable, indexing, slicing, in, + and *,
# comparisons with fixed tuples, hashing and dict keys, printing, iteration.

class Node:
    name: str

    def __init__(self, name: str) -> None:
        self.name = name

    def __repr__(self) -> str:
        return f"Node({self.name!r})"


def squares(n: int) -> tuple[int, ...]:
    return tuple(i * i for i in range(n))


def main(argv: list[str]) -> int:
    t = squares(5)
    print(t, len(t), t[0], t[-1], t[1:3], t[::-1])
    print(3 in t, 16 in t, 5 in t)
    print(t + (100, 200), t * 2, 2 * t)
    u: tuple[int, ...] = (1, 2)
    print(u == (1, 2), u < t, t < u, hash(u) == hash((1, 2)))
    e: tuple[str, ...] = tuple()
    print(e, len(e), bool(e), bool(t))
    words = tuple("abc")
    print(words, list(words), sorted(words, reverse=True))
    for w in words:
        print(w, end=" ")
    print()
    print([x + 1 for x in t], sum(t), max(t), min(t))
    d: dict[tuple[int, ...], str] = {t: "sq", u: "u"}
    print(d[(1, 2)], d[squares(5)])
    big = tuple(range(100))
    print(len(big), big[99], big[-100])
    nodes = tuple([Node("a"), Node("b")])
    print(nodes, f"{nodes}", str(t), repr(words))
    one = tuple([7])
    print(one, "%s|%s" % (one, t))
    try:
        print(t[10])
    except IndexError as ex:
        print("IndexError:", ex)
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(main(sys.argv))
