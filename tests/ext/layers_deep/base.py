from main import Node, Space
from seam import Exported, export


@export(slack=100)
class BaseNode(Node):
    label: str

    def __init__(self, label: str) -> None:
        self.label = label

    def kind(self) -> str:
        return "base " + self.label

    def weight(self) -> int:
        return 10

    def extra(self) -> int:
        return 0


KEPT: Exported[list[Node]] = []


@export
def depth(n: Node) -> int:
    if isinstance(n, BaseNode):
        return 1 + n.extra()
    return 0


def init_module(space: Space) -> None:
    b = BaseNode("b")
    space.nodes.append(b)
    KEPT.append(b)
