# Generations across the seam: the extension stores young objects into old
# core objects (fields, list and dict elements) and into old objects its own
# globals hold, then the core and the extension allocate enough for several
# minor collections (every allocation collects under SEAM_GC_STRESS=1), and
# every stored object must still be there, unchanged.
from seam import export, load_extension


@export
class Cell:
    value: int
    next: "Cell | None"

    def __init__(self, value: int, next: "Cell | None") -> None:
        self.value = value
        self.next = next


@export
class Shelf:
    item: Cell | None
    items: list[Cell]
    table: dict[str, Cell]

    def __init__(self) -> None:
        self.item = None
        self.items = []
        self.table = {}


@export
class Plugin:
    def fill(self, shelf: Shelf, round: int) -> None:
        pass

    def check(self) -> str:
        return "core plugin"


@export
class Host:
    plugin: Plugin

    def __init__(self) -> None:
        self.plugin = Plugin()


SHELF: Shelf = Shelf()


@export
def churn(n: int) -> int:
    """Allocates `n` short-lived cells (young garbage)."""
    total = 0
    for i in range(n):
        c = Cell(i, None)
        total += c.value % 3
    return total


def describe(shelf: Shelf) -> str:
    item = shelf.item
    first = -1 if item is None else item.value
    chain = 0
    c = item
    while c is not None:
        chain += 1
        c = c.next
    total = 0
    for x in shelf.items:
        total += x.value
    keys = 0
    for k, v in shelf.table.items():
        keys += len(k) + v.value
    return f"item={first} chain={chain} items={len(shelf.items)} sum={total} table={keys}"


def main(argv: list[str]) -> int:
    host = Host()
    # The shelf, the host and the plugin become old.
    print("core churn", churn(150_000))
    load_extension("ext", host)
    print("ext churn", churn(150_000))
    for r in range(3):
        host.plugin.fill(SHELF, r)
        print("core churn", churn(60_000))
        print(describe(SHELF))
        print(host.plugin.check())
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(main(sys.argv))
