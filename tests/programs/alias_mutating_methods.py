# Dunder methods that change the list or dict being searched, compared or
# printed: the runtime reads the container afresh after each call, as CPython
# does, so the loops see the change.


class Item:
    n: int

    def __init__(self, n: int) -> None:
        self.n = n

    def __eq__(self, other: object) -> bool:
        if len(grown) < 6:
            grown.append(Item(10 + len(grown)))
        if self.n == 99:
            shrunk.clear()
        if self.n == 77 and "z" in table:
            del table["z"]
        return isinstance(other, Item) and other.n == self.n

    def __repr__(self) -> str:
        if self.n >= 30 and len(printed) < 4:
            printed.append(Item(self.n + 1))
        if self.n == 5 and "q" in table:
            del table["q"]
        return "Item(" + str(self.n) + ")"


class Rank:
    n: int

    def __init__(self, n: int) -> None:
        self.n = n

    def __lt__(self, other: "Rank") -> bool:
        if len(ranks) < 5:
            ranks.append(Rank(self.n - 10))
        return self.n < other.n

    def __gt__(self, other: "Rank") -> bool:
        if len(ranks) > 3:
            ranks.pop()
        return self.n > other.n


ranks: list[Rank] = []
grown: list[Item] = []
shrunk: list[Item] = []
printed: list[Item] = []
table: dict[str, Item] = {}


def main(argv: list[str]) -> int:
    grown.append(Item(0))
    grown.append(Item(1))
    print(Item(13) in grown, len(grown))
    print(grown.index(Item(14)), len(grown))
    print(grown.count(Item(15)), len(grown))
    grown.remove(Item(12))
    print(len(grown), grown)

    shrunk.append(Item(99))
    shrunk.append(Item(1))
    print([Item(99), Item(1)] == shrunk, len(shrunk))
    shrunk.append(Item(3))
    print(shrunk == [Item(99)], len(shrunk))
    shrunk.append(Item(99))
    shrunk.append(Item(4))
    print(shrunk == [Item(3), Item(99), Item(4)], shrunk)

    printed.append(Item(30))
    print(printed)
    print(len(printed))

    table["p"] = Item(5)
    table["q"] = Item(6)
    table["r"] = Item(7)
    print(table)
    print(len(table))

    table.clear()
    table["x"] = Item(77)
    table["y"] = Item(2)
    table["z"] = Item(3)
    other = {"x": Item(77), "y": Item(2), "z": Item(4)}
    print(table == other, len(table))

    ranks.append(Rank(3))
    ranks.append(Rank(1))
    low = min(ranks)
    print(low.n, [r.n for r in ranks])
    high = max(ranks)
    print(high.n, [r.n for r in ranks])
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(main(sys.argv))
