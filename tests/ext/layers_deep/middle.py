import base
from base import BaseNode, depth
from main import Space
from seam import export


@export
class MidNode(BaseNode):
    def kind(self) -> str:
        return "middle over " + super().kind()

    def weight(self) -> int:
        return 100 + super().weight()

    def extra(self) -> int:
        return 1


@export
def make_mid(label: str) -> MidNode:
    return MidNode(label)


def init_module(space: Space) -> None:
    m = make_mid("m")
    space.nodes.append(m)
    base.KEPT.append(m)
    print("middle: depth", depth(m), depth(space.nodes[0]))
