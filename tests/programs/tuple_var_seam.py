# tuple[T, ...] in fields, defaults of optional type, parameters and returns;
# a fixed tuple passed where a tuple[T, ...] is expected; instances as elements
# (subclasses into a tuple of the base class); long tuples under the collector.


class Shape:
    name: str

    def __init__(self, name: str) -> None:
        self.name = name

    def __repr__(self) -> str:
        return "Shape(" + self.name + ")"


class Circle(Shape):
    def __init__(self) -> None:
        super().__init__("circle")


class Bag:
    items: tuple[Shape, ...]
    tags: tuple[str, ...] | None

    def __init__(self, items: tuple[Shape, ...]) -> None:
        self.items = items
        self.tags = None


def total(xs: tuple[int, ...]) -> int:
    s = 0
    for x in xs:
        s += x
    return s


def main(argv: list[str]) -> int:
    print(total((1, 2, 3)), total(tuple(range(1000))), total(()))
    c = Circle()
    b = Bag((c, Shape("square"), c))
    print(b.items, b.items[0] is b.items[2], len(b.items))
    b.tags = tuple(s.name for s in b.items)
    if b.tags is not None:
        print(b.tags, "circle" in b.tags, b.tags.count("circle"), b.tags.count("x"))
    chunks: list[tuple[str, ...]] = []
    for i in range(300):
        chunks.append(tuple(str(j) for j in range(i % 7)))
    print(len(chunks), chunks[-1], sum(len(t) for t in chunks))
    long_refs = tuple(Shape(str(i)) for i in range(200))
    print(long_refs[150], long_refs[-1], len(long_refs[64:]))
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(main(sys.argv))
