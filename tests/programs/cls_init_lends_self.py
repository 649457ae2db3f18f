# A base __init__ that calls methods on self, which subclasses override to read
# their own fields: each subclass assigns its fields before calling it, as the
# checker requires, and the overrides see them (CPython agrees).


class Node:
    name: str

    def __init__(self, name: str) -> None:
        self.name = name
        self.describe()

    def describe(self) -> None:
        print("node", self.name)


class Counter(Node):
    count: int

    def __init__(self, count: int) -> None:
        self.count = count
        super().__init__("counter")

    def describe(self) -> None:
        print("counter", self.name, self.count + 1)


class Leaf(Counter):
    """Inherits Counter's __init__, which lends self through Node's."""


class Tagged(Leaf):
    tag: str

    def __init__(self, tag: str) -> None:
        self.tag = tag
        Leaf.__init__(self, 41)

    def describe(self) -> None:
        print("tagged", self.name, self.count, self.tag)


class Quiet(Node):
    """No fields of its own: calling the base first is fine."""

    def describe(self) -> None:
        print("quiet", self.name)


class Plain:
    size: int

    def __init__(self, size: int) -> None:
        self.size = size


class Sized(Plain):
    """Plain's __init__ lends nothing: fields may come after it."""

    extra: int

    def __init__(self) -> None:
        super().__init__(3)
        self.extra = self.size * 2


def main(argv: list[str]) -> int:
    Node("n")
    Counter(1)
    Leaf(7)
    Tagged("t")
    Quiet("q")
    print(Sized().extra)
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(main(sys.argv))
