from seam import final


class Sym:
    name: str

    def __init__(self, name: str) -> None:
        self.name = name

    def __str__(self) -> str:
        return self.name

    def __repr__(self) -> str:
        return "Sym(" + repr(self.name) + ")"


class Point:
    x: int
    y: int

    def __init__(self, x: int, y: int) -> None:
        self.x = x
        self.y = y

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Point) and self.x == other.x and self.y == other.y

    def __hash__(self) -> int:
        return hash((self.x, self.y))

    def __lt__(self, other: "Point") -> bool:
        return (self.x, self.y) < (other.x, other.y)

    def __repr__(self) -> str:
        return f"Point({self.x}, {self.y})"


class Bag:
    items: list[int]

    def __init__(self) -> None:
        self.items = []

    def __len__(self) -> int:
        return len(self.items)


def main(argv: list[str]) -> int:
    s = Sym("car")
    print(s)
    print(str(s), repr(s))
    print(f"{s} {repr(s)}")
    print([s, Sym("cdr")])
    p = Point(1, 2)
    q = Point(1, 2)
    print(p == q, p != q, p is q, p == Point(2, 1))
    print(p in [Point(0, 0), Point(1, 2)])
    print([p] == [q])
    print(sorted([Point(3, 1), Point(1, 5), Point(1, 2)]))
    print(min([Point(3, 1), Point(1, 5)]), max([Point(3, 1), Point(1, 5)]))
    print(hash(p) == hash(q))
    print(hash(1), hash(-1), hash(2**61), hash((1, 2)), hash(True), hash(1.5))
    b = Bag()
    print(len(b), bool(b))
    if not b:
        print("empty")
    b.items.append(3)
    if b:
        print("full", len(b))
    print(p < Point(2, 0), p > Point(0, 9), p < q)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
