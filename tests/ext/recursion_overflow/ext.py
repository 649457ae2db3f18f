from main import Node, Space, eval_node
from seam import intmask


class Forever(Node):
    def eval(self, n: int) -> int:
        return eval_node(self, n) + 1


class Doubling(Node):
    def eval(self, n: int) -> int:
        # 2 ** 64 is out of reach: the product overflows before CPython's
        # recursion limit (the check below reports it the same way there).
        v = n * 4611686018427387904
        if v > 9223372036854775807:
            raise OverflowError("too big")
        return eval_node(self, v)


def countdown(n: int) -> int:
    if n == 0:
        return 0
    return countdown(n - 1) + 1


def spin(n: int) -> int:
    return spin(n + 1) + 1


def init_module(space: Space) -> None:
    space.nodes.append(Node())
    space.nodes.append(Forever())
    space.nodes.append(Doubling())
    print("countdown:", countdown(500))
    try:
        spin(0)
    except RecursionError as e:
        print("extension recursion:", e)
    print("hash:", intmask(9223372036854775807 * 31 + 7))
