# Nested containers of core and extension instances cross both ways:
# list[list[int]], dict[str, list[Item]], dict[int, Item], tuples of
# instances and lists; the receiving side mutates them and the sender sees it.
from seam import export, load_extension


@export
class Item:
    name: str

    def __init__(self, name: str) -> None:
        self.name = name

    def label(self) -> str:
        return "item " + self.name


@export
class Transform:
    def grid(self, g: list[list[int]]) -> list[list[int]]:
        return g

    def group(self, items: list[Item]) -> dict[str, list[Item]]:
        return {}

    def by_id(self, d: dict[int, Item]) -> tuple[Item, list[str]]:
        return (Item("none"), [])

    def floats(self, xs: list[float]) -> dict[str, float]:
        return {}


@export
class Holder:
    t: Transform

    def __init__(self) -> None:
        self.t = Transform()


@export
def labels(d: dict[str, list[Item]]) -> list[str]:
    out: list[str] = []
    for k, items in d.items():
        for it in items:
            out.append(k + ":" + it.label())
    return out


@export
def pairs(n: int) -> list[tuple[int, Item]]:
    out: list[tuple[int, Item]] = []
    for i in range(n):
        out.append((i, Item("p" + str(i))))
    return out


def main(argv: list[str]) -> int:
    h = Holder()
    load_extension("ext", h)
    g = [[1, 2], [3], []]
    g2 = h.t.grid(g)
    print(g2, g)
    items = [Item("apple"), Item("avocado"), Item("banana")]
    groups = h.t.group(items)
    for k in groups:
        print(k, labels({k: groups[k]}))
    first, names = h.t.by_id({7: items[0], 3: items[2]})
    print(first.label(), names)
    print(h.t.floats([0.5, 1.25, -2.0]))
    return 0
