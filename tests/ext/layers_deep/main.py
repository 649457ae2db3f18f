# Three layers: base builds on the core, middle on base, top on middle and
# base. A class chain runs through all four (Node -> BaseNode -> MidNode ->
# TopNode); the core calls every override through its own vtable, and
# isinstance holds at every depth. Each layer keeps objects of the others
# alive in its own globals.
from seam import export, load_extension


@export(slack=300)
class Node:
    def kind(self) -> str:
        return "node"

    def weight(self) -> int:
        return 1


@export
class Space:
    nodes: list[Node]

    def __init__(self) -> None:
        self.nodes = []


@export
def total(nodes: list[Node]) -> int:
    return sum(n.weight() for n in nodes)


def main(argv: list[str]) -> int:
    space = Space()
    for name in ["base", "middle", "top"]:
        load_extension(name, space)
    for n in space.nodes:
        print(n.kind(), n.weight())
    print("total", total(space.nodes))
    return 0
