class Card:
    rank: int
    suit: str

    def __init__(self, rank: int, suit: str) -> None:
        self.rank = rank
        self.suit = suit

    def __lt__(self, other: "Card") -> bool:
        return self.rank < other.rank

    def __repr__(self) -> str:
        return str(self.rank) + self.suit


class Version:
    major: int
    minor: int

    def __init__(self, major: int, minor: int) -> None:
        self.major = major
        self.minor = minor

    def __gt__(self, other: "Version") -> bool:
        print("gt", self, other)
        return (self.major, self.minor) > (other.major, other.minor)

    def __str__(self) -> str:
        return str(self.major) + "." + str(self.minor)


class Stack:
    items: list[Card]

    def __init__(self) -> None:
        self.items = []

    def __len__(self) -> int:
        return len(self.items)


class Broken:
    def __len__(self) -> int:
        return -1


def main(argv: list[str]) -> int:
    cards = [Card(10, "h"), Card(2, "s"), Card(10, "c"), Card(5, "d"), Card(2, "h")]
    print(sorted(cards))
    print(sorted(cards, reverse=True))
    print(min(cards), max(cards))
    print(min(Card(3, "a"), Card(1, "b")), max(Card(3, "a"), Card(3, "b")))
    cards.sort()
    print(cards)
    print(Card(1, "x") < Card(2, "y"), Card(1, "x") > Card(2, "y"))
    vs = [Version(1, 2), Version(0, 9), Version(1, 10)]
    print(vs[0] > vs[1])
    # Only __gt__: `<` uses the reflection.
    print(vs[0] < vs[1])
    out: list[str] = []
    for v in sorted(vs):
        out.append(str(v))
    print(", ".join(out))
    st = Stack()
    print(len(st), "empty" if not st else "full")
    st.items.append(Card(1, "s"))
    print(len(st), "empty" if not st else "full")
    try:
        print(len(Broken()))
    except ValueError as e:
        print("ValueError:", e)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
