class Bag:
    items: set[str]
    counts: dict[str, set[int]]

    def __init__(self) -> None:
        self.items = set()
        self.counts = {}


def main(argv: list[str]) -> int:
    k = 0
    nested = [{k + 1, 2}, {3}]
    print(nested, {"k": {k + 4, 5}}, ({k + 6},), [set(range(3)) == {0, 1, 2}])
    print({k + 1, 2} in nested, nested.index({3}), nested == [{2, 1}, {3}])
    b = Bag()
    b.items.add("x")
    b.counts.setdefault("a", set()).add(3)
    b.counts["a"].add(1)
    print(sorted(b.items), b.counts, len(b.counts["a"]))
    fl: float | None = 1.5
    bb: bool | None = None
    print(fl, bb, fl == 1.5, bb is None)
    mixed = [1, None, 3]
    print(mixed, [x for x in mixed if x is not None])
    maybe = [None if i % 2 else i * 0.5 for i in range(4)]
    print(maybe)
    e: set[tuple[str, int]] = set()
    e.add(("a", 1))
    print(e, ("a", 1) in e, type(e).__name__, type(maybe).__name__)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
