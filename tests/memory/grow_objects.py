# Grows lists of class instances, tuples, optional ints and the text of
# numbers until MemoryError (which small objects raise too, not only the
# lists' growth), catches it, drops them and goes on allocating (run under
# a memory limit by cli/tests/memory.rs).


class Node:
    value: int
    name: str

    def __init__(self, value: int, name: str) -> None:
        self.value = value
        self.name = name


def grow(nodes: list[Node], pairs: list[tuple[int, str]], maybe: list[int | None]) -> None:
    i = 0
    while True:
        nodes.append(Node(i, str(i)))
        pairs.append((i, "p"))
        maybe.append(i if i % 2 == 0 else None)
        i += 1


def main(argv: list[str]) -> int:
    nodes: list[Node] = []
    pairs: list[tuple[int, str]] = []
    maybe: list[int | None] = []
    try:
        grow(nodes, pairs, maybe)
    except MemoryError as e:
        print("objects: MemoryError", repr(str(e)), len(nodes) > 1000)
    nodes = []
    pairs = []
    maybe = []
    again = [Node(i, str(i)) for i in range(10000)]
    print("after:", len(again), again[-1].name, sum([n.value for n in again]))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
