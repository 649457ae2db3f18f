# A program that holds a large heap while it keeps allocating: the longest
# collector pause grows with the live data. It builds ARG million small
# objects (about 100 bytes each with their strings: 10 is about 1 GB),
# linked in chains that stay alive, then churns short-lived objects.
#
#   live.py MILLIONS

class Cell:
    value: int
    name: str
    next: "Cell | None"

    def __init__(self, value: int, name: str, next: "Cell | None") -> None:
        self.value = value
        self.name = name
        self.next = next


def main(argv: list[str]) -> int:
    millions = int(argv[1])
    heads: list[Cell | None] = []
    for chain in range(millions):
        head: Cell | None = None
        for i in range(1000000):
            head = Cell(i, str(i % 997), head)
        heads.append(head)
    churn = 0
    for r in range(2000000):
        c = Cell(r, "x", None)
        churn += c.value % 7
    total = 0
    for h in heads:
        n = 0
        while h is not None:
            n += 1
            h = h.next
        total += n
    print("live:", total, churn)
    return 0
