class Shape:
    name: str

    def __init__(self, name: str) -> None:
        self.name = name

    def __eq__(self, other: object) -> bool:
        print("Shape.__eq__", self.name)
        return isinstance(other, Shape) and self.name == other.name

    def __hash__(self) -> int:
        return len(self.name)


class Square(Shape):
    side: int

    def __init__(self, side: int) -> None:
        super().__init__("square")
        self.side = side

    def __eq__(self, other: object) -> bool:
        print("Square.__eq__", self.side)
        return isinstance(other, Square) and self.side == other.side


class Plain:
    pass


class Unhashable:
    def __eq__(self, other: object) -> bool:
        return other is self


class Counter:
    n: int

    def __init__(self, n: int) -> None:
        self.n = n

    def __ne__(self, other: object) -> bool:
        print("Counter.__ne__")
        return not isinstance(other, Counter) or other.n != self.n


def same(a: object, b: object) -> bool:
    return a == b


def describe(o: object) -> str:
    if o is None:
        return "nothing"
    if isinstance(o, Square):
        return "square of " + str(o.side)
    if isinstance(o, Shape):
        return "shape " + o.name
    return "something"


def main(argv: list[str]) -> int:
    s = Shape("square")
    q = Square(2)
    # The right operand's class is a subclass of the left's: its __eq__ runs first.
    print(s == q)
    print(q == s)
    print(s != Shape("circle"))
    print(same(None, None), same(s, None), same(None, q))
    p = Plain()
    print(p == p, p == Plain(), p != Plain(), same(p, p))
    print(describe(None), describe(q), describe(s), describe(p))
    shapes: list[Shape] = [Shape("a"), Square(3)]
    print(Square(3) in shapes, Shape("b") in shapes)
    print(shapes.index(Shape("a")))
    print(hash(s))
    try:
        print(hash(q))
    except TypeError as e:
        print("TypeError:", e)
    c = Counter(1)
    print(c != Counter(1), c != Counter(2), c == c)
    u = Unhashable()
    print(u == u)
    try:
        print(hash(u))
    except TypeError as e:
        print("TypeError:", e)
    maybe: Shape | None = s
    print(maybe == None, maybe != None)
    maybe = None
    print(maybe == None, None == maybe)
    objs: list[object] = [s, None, p]
    print(len(objs), objs[1] is None)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
