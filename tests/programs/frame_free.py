# Functions that cannot run the collector keep their references in registers
# (no shadow-stack frame): a tree walked by them while other code allocates
# around the calls, one returning its reference argument into an allocation,
# and an IndexError raised deep in their recursion (the exception is
# allocated, which may collect) caught by a caller that goes on using its
# objects.


class Node:
    left: "Node | None"
    right: "Node | None"
    value: int

    def __init__(self, left: "Node | None", right: "Node | None", value: int) -> None:
        self.left = left
        self.right = right
        self.value = value


class Pair:
    first: Node
    second: Node

    def __init__(self, first: Node, second: Node) -> None:
        self.first = first
        self.second = second


def make(depth: int, value: int) -> Node:
    if depth == 0:
        return Node(None, None, value)
    return Node(make(depth - 1, value * 2), make(depth - 1, value * 2 + 1), value)


def total(node: Node) -> int:
    n = node.value
    left = node.left
    if left is not None:
        n += total(left)
    right = node.right
    if right is not None:
        n += total(right)
    return n


def leftmost(node: Node) -> Node:
    left = node.left
    while left is not None:
        node = left
        left = node.left
    return node


def same(node: Node) -> Node:
    return node


def walk(nodes: list[Node], i: int, step: int, limit: int) -> int:
    n = nodes[i].value
    if i + step < limit:
        n += walk(nodes, i + step, step, limit)
    return n


def main(argv: list[str]) -> int:
    trees: list[Node] = []
    sums: list[int] = []
    for i in range(40):
        tree = make(6, i + 1)
        trees.append(tree)
        # An allocation between two calls that hold no frame.
        sums.append(total(tree) + total(make(3, i)))
    print(sum(sums), len(trees))
    pairs: list[Pair] = []
    for t in trees:
        # The first argument is allocated before `same` runs: it must survive.
        pairs.append(Pair(Node(None, None, 7), same(leftmost(t))))
    print(sum(p.first.value + p.second.value for p in pairs))
    caught = 0
    for step, limit in [(1, 40), (7, 40), (1, 41), (13, 100), (3, 30)]:
        try:
            print(step, limit, walk(trees, 0, step, limit))
        except IndexError as e:
            caught += 1
            # Allocate, then use objects held across the raise.
            fresh = make(4, step)
            print("error:", e, total(fresh), leftmost(trees[3]).value)
    print(caught, total(trees[0]), total(trees[39]))
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(main(sys.argv))
