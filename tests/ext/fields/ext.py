# Writes every field of a core object, constructs core objects, and defines a
# subclass with fields of its own.
from main import Box, Node, Record


class Tagged(Record):
    extra: int
    origin: str
    partner: Record | None

    def __init__(self, name: str, extra: int) -> None:
        super().__init__(name)
        self.extra = extra
        self.origin = "ext"
        self.partner = None

    def summary(self) -> str:
        base = Record.summary(self)
        p = "-" if self.partner is None else self.partner.name
        return f"{base} | extra={self.extra} origin={self.origin} partner={p}"


def init_module(box: Box) -> None:
    first = box.records[0]
    print("ext reads:", first.count, first.ratio, first.flag, first.name, first.note)
    print("ext reads:", first.tags, first.scores, first.pos, first.node.label, first.next is None)
    first.count = first.count * 7
    first.ratio = 0.125
    first.flag = True
    first.name = first.name + "!"
    first.note = "written by ext"
    first.tags.append("ext")
    first.scores["ext"] = 1
    first.pos = (4, -4)
    first.node = Node("ext node", 2.5)
    second = Record("second")
    second.next = first
    box.records.append(second)
    t = Tagged("third", 42)
    t.partner = second
    t.count = -1
    t.tags = ["a", "b"]
    box.records.append(t)
    print("ext reads back:", t.extra, t.count, t.tags, t.name)
