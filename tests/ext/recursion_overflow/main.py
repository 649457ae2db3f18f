# RecursionError and OverflowError across the boundary: an extension's
# override recurses without end through a core function, and its arithmetic
# overflows; the core catches both and goes on. An extension's own recursive
# function is checked too, and intmask wraps in an extension as in a core.
from seam import export, load_extension


@export
class Node:
    def eval(self, n: int) -> int:
        return n


@export
def eval_node(node: Node, n: int) -> int:
    # No recursion of its own: the cycle goes through the extension's override.
    return node.eval(n + 1) + 1


@export
class Space:
    nodes: list[Node]

    def __init__(self) -> None:
        self.nodes = []


def main(argv: list[str]) -> int:
    space = Space()
    load_extension("ext", space)
    for node in space.nodes:
        try:
            print("eval:", eval_node(node, 0))
        except RecursionError as e:
            print("RecursionError:", e)
        except OverflowError:
            print("OverflowError")
    print("still running:", eval_node(Node(), 41))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
