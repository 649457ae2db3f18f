from main import Cell, Host, Plugin, Shelf, churn

# Extension globals holding objects that become old.
KEPT: list[Cell] = []
BY_NAME: dict[str, Cell] = {}
LAST: Cell = Cell(-1, None)


class Filler(Plugin):
    own: Cell | None

    def __init__(self) -> None:
        self.own = None

    def fill(self, shelf: Shelf, round: int) -> None:
        global LAST
        # Young objects into old core objects: a field, list and dict elements.
        shelf.item = Cell(round, shelf.item)
        for i in range(20):
            shelf.items.append(Cell(i + round, None))
        shelf.items[0] = Cell(1000 + round, None)
        shelf.table["r" + str(round)] = Cell(round * 10, None)
        # Young objects into old objects the extension's globals hold.
        for i in range(5):
            KEPT.append(Cell(100 + i, None))
        KEPT[0] = Cell(7 + round, None)
        BY_NAME["n" + str(round)] = Cell(round, None)
        LAST.next = Cell(round, LAST.next)
        self.own = Cell(500 + round, self.own)
        # Young garbage from the extension, between the stores and the checks.
        churn(30_000)
        LAST = Cell(-1 - round, LAST.next)

    def check(self) -> str:
        kept = 0
        for c in KEPT:
            kept += c.value
        names = 0
        for k, v in BY_NAME.items():
            names += len(k) + v.value
        chain = 0
        link = LAST.next
        while link is not None:
            chain += 1 + link.value
            link = link.next
        own = self.own
        mine = 0
        while own is not None:
            mine += own.value
            own = own.next
        return f"kept={len(KEPT)}/{kept} names={names} last={LAST.value} chain={chain} own={mine}"


def init_module(host: Host) -> None:
    host.plugin = Filler()
