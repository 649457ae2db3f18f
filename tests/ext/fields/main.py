# Core classes constructed by the extension; the extension reads and writes
# core fields of every type at their offsets, and the core sees its writes.
# An extension subclass adds fields after its core parent's.
from seam import export, load_extension


@export
class Node:
    label: str
    weight: float

    def __init__(self, label: str, weight: float) -> None:
        self.label = label
        self.weight = weight


@export
class Record:
    count: int
    ratio: float
    flag: bool
    name: str
    note: str | None
    tags: list[str]
    scores: dict[str, int]
    pos: tuple[int, int]
    node: Node
    next: "Record | None"

    def __init__(self, name: str) -> None:
        self.count = 0
        self.ratio = 0.5
        self.flag = False
        self.name = name
        self.note = None
        self.tags = []
        self.scores = {}
        self.pos = (0, 0)
        self.node = Node("root", 1.0)
        self.next = None

    def summary(self) -> str:
        note = "-" if self.note is None else self.note
        nxt = "-" if self.next is None else self.next.name
        return (
            f"{self.name}: count={self.count} ratio={self.ratio} flag={self.flag} "
            f"note={note} tags={self.tags} scores={self.scores} pos={self.pos} "
            f"node={self.node.label}/{self.node.weight} next={nxt}"
        )


@export
class Box:
    records: list[Record]

    def __init__(self) -> None:
        self.records = []


def main(argv: list[str]) -> int:
    box = Box()
    first = Record("first")
    first.count = 3
    first.tags.append("core")
    box.records.append(first)
    load_extension("ext", box)
    for r in box.records:
        print(r.summary())
    # The core writes fields of the extension's objects, through the base class.
    for r in box.records:
        r.count += 100
        r.node.weight = r.node.weight * 2.0
    load_extension("ext2", box)
    return 0
