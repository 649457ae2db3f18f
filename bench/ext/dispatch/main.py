# Crossing the seam from the core's side. The core runs two loops over objects
# that are either its own or an extension's (bench/ext/dispatch/ext.py, which
# mirrors the core's classes):
#
#   main.py virtual core|ext ROUNDS [EXT_PATH]     the core's area_loop calls
#       Shape.area on 64 objects: the core's CoreSquare or the extension's
#       ExtSquare (the same override, compiled into the extension)
#   main.py isinstance core|ext ROUNDS [EXT_PATH]  Counter.count tests
#       isinstance against a class: the core's CoreLeaf in the core's
#       CoreCounter, or the extension's ExtLeaf in its ExtCounter
#
# Both sides of each pair compute the same result.

from seam import export, load_extension


@export
class Shape:
    side: int

    def __init__(self, side: int) -> None:
        self.side = side

    def area(self) -> int:
        return 0


class CoreSquare(Shape):
    def area(self) -> int:
        return self.side * self.side + 1


@export
class Node:
    tag: int

    def __init__(self, tag: int) -> None:
        self.tag = tag


class CoreLeaf(Node):
    pass


class CoreOther(Node):
    pass


@export
class Counter:
    def count(self, nodes: list[Node], rounds: int) -> int:
        return 0


class CoreCounter(Counter):
    def count(self, nodes: list[Node], rounds: int) -> int:
        total = 0
        for r in range(rounds):
            for n in nodes:
                if isinstance(n, CoreLeaf):
                    total += n.tag
        return total


@export
class Space:
    shapes: list[Shape]
    nodes: list[Node]
    counter: Counter

    def __init__(self) -> None:
        self.shapes = []
        self.nodes = []
        self.counter = Counter()


def area_loop(shapes: list[Shape], rounds: int) -> int:
    total = 0
    for r in range(rounds):
        for s in shapes:
            total += s.area()
    return total


def main(argv: list[str]) -> int:
    what = argv[1]
    side = argv[2]
    rounds = int(argv[3])
    space = Space()
    if side == "core":
        for i in range(64):
            space.shapes.append(CoreSquare(i))
            if i % 2 == 0:
                space.nodes.append(CoreLeaf(i))
            else:
                space.nodes.append(CoreOther(i))
        space.counter = CoreCounter()
    else:
        load_extension(argv[4], space)
    if what == "virtual":
        print("virtual:", area_loop(space.shapes, rounds))
    else:
        print("isinstance:", space.counter.count(space.nodes, rounds))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
