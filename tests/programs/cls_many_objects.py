# Many short-lived and long-lived objects: a garbage-collector workout with object graphs.


class Cell:
    value: int
    next: "Cell | None"
    payload: list[int]

    def __init__(self, value: int, next: "Cell | None") -> None:
        self.value = value
        self.next = next
        self.payload = [value, value * 2]


class Pair:
    left: "Pair | None"
    right: "Pair | None"
    tag: str

    def __init__(self, left: "Pair | None", right: "Pair | None", tag: str) -> None:
        self.left = left
        self.right = right
        self.tag = tag


def build(depth: int) -> Pair:
    if depth == 0:
        return Pair(None, None, "leaf")
    return Pair(build(depth - 1), build(depth - 1), "node" + str(depth))


def count(p: Pair | None) -> int:
    if p is None:
        return 0
    return 1 + count(p.left) + count(p.right)


def main(argv: list[str]) -> int:
    # Smaller sizes for the SEAM_GC_STRESS=1 run: argv[1] cells, argv[2] tree depths.
    cells = int(argv[1]) if len(argv) > 1 else 20000
    depths = int(argv[2]) if len(argv) > 2 else 12
    keep: Cell | None = None
    total = 0
    for i in range(cells):
        tmp = Cell(i, None)
        total += tmp.payload[1]
        if i % 100 == 0:
            keep = Cell(i, keep)
    print(total)
    n = 0
    s = 0
    cur = keep
    while cur is not None:
        n += 1
        s += cur.value + cur.payload[1]
        cur = cur.next
    print(n, s)
    trees: list[Pair] = []
    for d in range(depths):
        t = build(d)
        if d % 3 == 0:
            trees.append(t)
    for t in trees:
        print(t.tag, count(t))
    cycle_a = Pair(None, None, "a")
    cycle_b = Pair(cycle_a, None, "b")
    cycle_a.right = cycle_b
    for _ in range(1000):
        cycle_a = Pair(cycle_b, cycle_a, "x")
    r = cycle_a.right
    print(cycle_a.tag, r is not None)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
