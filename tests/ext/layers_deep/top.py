import base
from base import BaseNode, depth
from main import Node, Space
from middle import MidNode, make_mid


class TopNode(MidNode):
    def kind(self) -> str:
        return "top over " + super().kind()

    def extra(self) -> int:
        return 1 + super().extra()


def init_module(space: Space) -> None:
    t = TopNode("t")
    space.nodes.append(t)
    space.nodes.append(make_mid("m2"))
    for n in space.nodes:
        print(
            "top:",
            isinstance(n, BaseNode),
            isinstance(n, MidNode),
            isinstance(n, TopNode),
            depth(n),
        )
    plain: Node = Node()
    print("top: plain", isinstance(plain, BaseNode), depth(plain), len(base.KEPT))
