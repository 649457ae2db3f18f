# The extension side of bench/ext/dispatch: the core's CoreSquare, CoreLeaf,
# CoreOther and CoreCounter again, as ExtSquare, ExtLeaf, ExtOther and
# ExtCounter; init_module fills the space with them.

from main import Counter, Node, Shape, Space


class ExtSquare(Shape):
    def area(self) -> int:
        return self.side * self.side + 1


class ExtLeaf(Node):
    pass


class ExtOther(Node):
    pass


class ExtCounter(Counter):
    def count(self, nodes: list[Node], rounds: int) -> int:
        total = 0
        for r in range(rounds):
            for n in nodes:
                if isinstance(n, ExtLeaf):
                    total += n.tag
        return total


def init_module(space: Space) -> None:
    for i in range(64):
        space.shapes.append(ExtSquare(i))
        if i % 2 == 0:
            space.nodes.append(ExtLeaf(i))
        else:
            space.nodes.append(ExtOther(i))
    space.counter = ExtCounter()
