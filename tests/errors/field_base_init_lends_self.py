# expect: a base __init__ that calls a method on self runs before the subclass's own fields are assigned: an override could read them
class Node:
    name: str

    def __init__(self, name: str) -> None:
        self.name = name
        self.describe()

    def describe(self) -> None:
        print("node", self.name)


class Counter(Node):
    count: int
    label: str

    def __init__(self) -> None:
        super().__init__("counter")
        self.count = 5
        self.label = "c"

    def describe(self) -> None:
        print("counter", self.count + 1, self.label)


class Leaf(Counter):
    pass


class Tagged(Leaf):
    tag: int

    def __init__(self) -> None:
        Leaf.__init__(self)
        self.tag = 1


def main(argv: list[str]) -> int:
    Counter()
    return 0
