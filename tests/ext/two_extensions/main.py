# Two extensions loaded into one core subclass the same core classes: their
# classes get distinct ids, so isinstance between them is false, and each
# dispatches to its own overrides. Both have globals (GC roots of each).
from seam import export, load_extension


@export
class Plugin:
    def name(self) -> str:
        return "core"

    def knows(self, other: "Plugin") -> bool:
        return False


@export
class Value:
    def show(self) -> str:
        return "value"


@export
class Registry:
    plugins: list[Plugin]
    values: list[Value]

    def __init__(self) -> None:
        self.plugins = []
        self.values = []


def main(argv: list[str]) -> int:
    reg = Registry()
    load_extension("ext", reg)
    load_extension("ext2", reg)
    for p in reg.plugins:
        row = ""
        for q in reg.plugins:
            row += "1" if p.knows(q) else "0"
        print(p.name(), row)
    for v in reg.values:
        print(v.show())
    junk: list[list[int]] = []
    for i in range(200):
        junk.append([i, i + 1])
    for v in reg.values:
        print(v.show())
    return 0
