from seam import export, final


@export(slack=2)
class Root:
    tag: int

    def __init__(self, tag: int) -> None:
        self.tag = tag

    def name(self) -> str:
        return "root"

    def depth(self) -> int:
        return 0


@export(slack=3)
class Middle(Root):
    label: str

    def __init__(self, tag: int, label: str) -> None:
        super().__init__(tag)
        self.label = label

    def depth(self) -> int:
        return 1

    def extra(self) -> str:
        return self.label


@final
class Leaf(Middle):
    weight: float

    def __init__(self) -> None:
        super().__init__(2, "leaf")
        self.weight = 1.5

    def name(self) -> str:
        return "leaf"

    def depth(self) -> int:
        return 2


@export(slack=0)
class Other(Root):
    def name(self) -> str:
        return "other"


class Unexported(Middle):
    def extra(self) -> str:
        return "unexported"


def main(argv: list[str]) -> int:
    nodes: list[Root] = [Root(0), Middle(1, "m"), Leaf(), Other(3), Unexported(4, "u")]
    for n in nodes:
        print(n.name(), n.depth(), n.tag, isinstance(n, Middle))
        if isinstance(n, Middle):
            print(n.extra(), n.label)
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(main(sys.argv))
