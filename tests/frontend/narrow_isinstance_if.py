class Node:
    def __init__(self) -> None:
        pass


class Leaf(Node):
    value: int

    def __init__(self, value: int) -> None:
        super().__init__()
        self.value = value


def weight(n: Node) -> int:
    if isinstance(n, Leaf):
        return n.value
    return 0


def main(argv: list[str]) -> int:
    print(weight(Leaf(3)), weight(Node()))
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(main(sys.argv))
