# Functions and classes that use classes defined later in the module: forward-referenced
# field, parameter and return annotations, and construction of a later class.


def make_pair(a: int, b: int) -> "Pair":
    return Pair(Leaf(a), Leaf(b))


def total(p: "Pair") -> int:
    return p.first.value + p.second.value


class Pair:
    first: "Leaf"
    second: "Leaf"

    def __init__(self, first: "Leaf", second: "Leaf") -> None:
        self.first = first
        self.second = second

    def swapped(self) -> "Pair":
        return Pair(self.second, self.first)

    def as_tuple(self) -> tuple["Leaf", "Leaf"]:
        return (self.first, self.second)


class Leaf:
    value: int

    def __init__(self, value: int) -> None:
        self.value = value


def main(argv: list[str]) -> int:
    p = make_pair(3, 4)
    q = p.swapped()
    print(total(p), q.first.value, q.second.value)
    a, b = q.as_tuple()
    a.value = 40
    print(p.second.value, b.value, a is p.second)
    pairs = [make_pair(0, 0), make_pair(5, 6)]
    print(len(pairs), total(pairs[0]))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
