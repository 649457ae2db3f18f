# Object allocation and the collector: the classic binary-trees benchmark
# (Computer Language Benchmarks Game). Allocates and checks many short-lived
# complete binary trees of depths 4, 6, ..., N while one long-lived tree of
# depth N stays reachable. bench/rust/binary_trees.rs is the same algorithm
# with Box; the harness compares time and peak memory.


class Node:
    left: "Node | None"
    right: "Node | None"

    def __init__(self, left: "Node | None", right: "Node | None") -> None:
        self.left = left
        self.right = right


def make(depth: int) -> Node:
    if depth == 0:
        return Node(None, None)
    return Node(make(depth - 1), make(depth - 1))


def check(node: Node) -> int:
    n = 1
    left = node.left
    if left is not None:
        n += check(left)
    right = node.right
    if right is not None:
        n += check(right)
    return n


def main(argv: list[str]) -> int:
    n = 16
    if len(argv) > 1:
        n = int(argv[1])
    min_depth = 4
    max_depth = max(min_depth + 2, n)
    stretch = max_depth + 1
    print(f"stretch tree of depth {stretch}\t check: {check(make(stretch))}")
    long_lived = make(max_depth)
    depth = min_depth
    while depth <= max_depth:
        iterations = 1 << (max_depth - depth + min_depth)
        total = 0
        for i in range(iterations):
            total += check(make(depth))
        print(f"{iterations}\t trees of depth {depth}\t check: {total}")
        depth += 2
    print(f"long lived tree of depth {max_depth}\t check: {check(long_lived)}")
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
