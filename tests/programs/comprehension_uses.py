SQUARES: list[int] = [i * i for i in range(6)]
NAMES: set[str] = {n for n in ["a", "b"]}


class Node:
    kids: list["Node"]
    val: int | None

    def __init__(self, v: int | None) -> None:
        self.kids = []
        self.val = v

    def total(self) -> int:
        return sum(k.val for k in self.kids if k.val is not None)


def main(argv: list[str]) -> int:
    print(SQUARES, sorted(NAMES))
    n = Node(None)
    n.kids = [Node(i) for i in range(4)] + [Node(None)]
    print(n.total(), [k.val for k in n.kids])
    words = "the quick brown the lazy the".split()
    freq = {w: 0 for w in words}
    for w in words:
        freq[w] += 1
    print(sorted(freq.items()), max(freq.values()))
    print(", ".join(sorted({w for w in words})))
    m = {i: [j for j in range(i)] for i in range(3)}
    print(m)
    print(sum(1 for _ in range(5)), [(a, b) for a in range(2) for b in range(a)])
    opt: list[int | None] = [None if i % 3 == 0 else i for i in range(7)]
    print(opt, sum(o for o in opt if o is not None))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
