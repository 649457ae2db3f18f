# expect: attribute access on an un-narrowed `C | None`


class Node:
    value: int
    next: "Node | None"

    def __init__(self, value: int) -> None:
        self.value = value
        self.next = None


def second(n: Node) -> int:
    return n.next.value


def main(argv: list[str]) -> int:
    return second(Node(1))
