# Sorting with an order that is not consistent: NaN (every `<` with it is
# false) and a user `__lt__` that answers from a pseudo-random sequence.
# CPython's list.sort, sorted, min and max use `<` alone, so their results
# (and the sequence of `__lt__` calls) depend on the exact algorithm: runs,
# binary insertion, powersort merging and galloping.

NAN: float = float("nan")


class Rng:
    state: int

    def __init__(self, seed: int) -> None:
        self.state = seed

    def next(self, n: int) -> int:
        self.state = (self.state * 1103515245 + 12345) % 2147483648
        return self.state % n


LOG: list[str] = []
FICKLE_RNG: Rng = Rng(7)
CALLS: int = 0
LIMIT: int = 0


class Fickle:
    """An order that is consistent only some of the time; every call is logged."""

    v: int

    def __init__(self, v: int) -> None:
        self.v = v

    def __lt__(self, other: "Fickle") -> bool:
        if FICKLE_RNG.next(10) == 0:
            answer = FICKLE_RNG.next(2) == 0
        else:
            answer = self.v < other.v
        LOG.append(f"{self.v}<{other.v}={answer}")
        return answer

    def __repr__(self) -> str:
        return f"F{self.v}"


class Boom(Exception):
    pass


class Fragile:
    """An order that raises at the n-th comparison."""

    v: int

    def __init__(self, v: int) -> None:
        self.v = v

    def __lt__(self, other: "Fragile") -> bool:
        global CALLS
        CALLS += 1
        if CALLS == LIMIT:
            raise Boom("comparison " + str(CALLS))
        return self.v < other.v

    def __repr__(self) -> str:
        return f"G{self.v}"


class Peeker:
    """Looks at the list being sorted, and changes it when told to."""

    v: int

    def __init__(self, v: int) -> None:
        self.v = v

    def __lt__(self, other: "Peeker") -> bool:
        LOG.append(f"{self.v}<{other.v} len={len(PEEKED)} {PEEKED}")
        if CHANGE == "append" and other.v == 3:
            PEEKED.append(Peeker(99))
        elif CHANGE == "append_pop" and other.v == 3:
            PEEKED.append(Peeker(99))
            PEEKED.pop()
        elif CHANGE == "clear":
            PEEKED.clear()
        return self.v < other.v

    def __repr__(self) -> str:
        return f"P{self.v}"


PEEKED: list[Peeker] = []
CHANGE: str = ""


def floats(rng: Rng, n: int, nan_percent: int) -> list[float]:
    out: list[float] = []
    for _ in range(n):
        if rng.next(100) < nan_percent:
            out.append(NAN)
        else:
            out.append(float(rng.next(50)) - 10.0)
    return out


def checksum(xs: list[float]) -> int:
    h = 0
    for x in xs:
        code = 999 if x != x else int(x) + 20
        h = (h * 1000003 + code) % 1000000007
    return h


def main(argv: list[str]) -> int:
    global LOG, CALLS, LIMIT
    # The largest list (smaller under SEAM_GC_STRESS=1, see the .stress_args).
    biggest = int(argv[1]) if len(argv) > 1 else 3000
    print(sorted([1.0, 2.0, NAN, -0.0, 0.0]))
    print(sorted([NAN, 3.0, 1.0, 2.0]))
    print(sorted([3.0, NAN, 1.0, 2.0], reverse=True))
    print(max([NAN, 1.0]), max([1.0, NAN]), min([NAN, 1.0]), min([1.0, NAN]))
    print(max(NAN, 1.0), max(1.0, NAN), min(NAN, 1.0), min(1.0, NAN))
    print(max([2.0, NAN, 5.0, 1.0]), min([2.0, NAN, 5.0, 1.0]))
    xs = [5.0, NAN, 1.0, NAN, 3.0, 2.0, NAN, 0.5]
    xs.sort()
    print(xs)
    ts = [(1.0, "b"), (NAN, "a"), (0.5, "c"), (1.0, "a")]
    print(sorted(ts))
    print(max(ts), min(ts))

    # Many lists, sizes across the insertion-sort, merging and galloping paths.
    rng = Rng(2024)
    sizes = [0, 1, 2, 5, 31, 64, 65, 100, 257, 1000, 3000]
    for size in [s for s in sizes if s <= biggest]:
        for nan_percent in [0, 3, 30]:
            xs = floats(rng, size, nan_percent)
            up = sorted(xs)
            down = sorted(xs, reverse=True)
            runs = sorted(sorted(xs[: size // 2]) + sorted(xs[size // 2 :], reverse=True))
            print(size, nan_percent, checksum(up), checksum(down), checksum(runs))
            if 0 < size <= 65 and nan_percent == 30:
                print(up)

    # A user order that lies now and then: the call sequence must be CPython's.
    for size in [s for s in [3, 12, 70, 400] if s <= biggest]:
        LOG = []
        items = [Fickle(rng.next(1000)) for _ in range(size)]
        out = sorted(items)
        h = 0
        for entry in LOG:
            for ch in entry:
                h = (h * 31 + ord(ch)) % 1000000007
        print(size, "calls", len(LOG), "hash", h)
        print(LOG[:12])
        print(out[:10], out[-3:])
    LOG = []
    items = [Fickle(v) for v in [5, 3, 8, 1, 9, 2]]
    items.sort(reverse=True)
    print(items, LOG)
    LOG = []
    print(max(items), min(items), LOG)

    # While it sorts, the list is empty to its comparisons; what they do to it is
    # thrown away, and reported unless only clear() (which finds nothing to clear) ran.
    global PEEKED, CHANGE
    for change in ["", "append", "append_pop", "clear"]:
        CHANGE = change
        LOG = []
        PEEKED = [Peeker(v) for v in [3, 1, 2]]
        try:
            PEEKED.sort()
            print(repr(change), "sorted", PEEKED, LOG)
        except ValueError as e:
            print(repr(change), "ValueError:", e, PEEKED, LOG)

    # A comparison that raises leaves the list a permutation, as CPython leaves it.
    for limit in [1, 4, 40, 300]:
        CALLS = 0
        LIMIT = limit
        gs = [Fragile((i * 37) % 101) for i in range(120)]
        try:
            gs.sort()
            print(limit, "sorted")
        except Boom as e:
            print(limit, "Boom:", e, gs[:8], gs[-4:])
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
