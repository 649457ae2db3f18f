class W_Root:
    def eq(self, other: "W_Root") -> bool:
        return self is other


class Pair(W_Root):
    car: W_Root
    cdr: W_Root

    def __init__(self, car: W_Root, cdr: W_Root) -> None:
        self.car = car
        self.cdr = cdr

    def eq(self, other: W_Root) -> bool:
        return isinstance(other, Pair) and self.car.eq(other.car) and self.cdr.eq(other.cdr)


class Node:
    value: int
    next: "Node | None"

    def __init__(self, value: int, next: "Node | None") -> None:
        self.value = value
        self.next = next


def second(n: Node) -> int:
    return n.next.value if n.next is not None and n.next.value > 0 else -1


def label(o: object) -> str:
    return "pair" if isinstance(o, Pair) else ("none" if o is None else "other")


def not_pair(o: W_Root) -> bool:
    return not isinstance(o, Pair) or o.car is o.cdr


def main(argv: list[str]) -> int:
    a = W_Root()
    p = Pair(a, a)
    print(p.eq(Pair(a, a)), p.eq(a), p.eq(Pair(a, p)))
    print(second(Node(1, Node(2, None))), second(Node(1, None)))
    print(label(p), label(None), label(a))
    print(not_pair(a), not_pair(p), not_pair(Pair(a, p)))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
