from main import Cell, Host, Plugin, make_chain

NAMES: list[str] = []
INDEX: dict[str, Cell] = {}
CHAIN: Cell = make_chain(3)
LATEST: Cell | None = None
PAIRS: list[tuple[str, list[int]]] = []
COUNT: int = 0


def chain_sum(c: Cell | None) -> int:
    total = 0
    while c is not None:
        total += c.value
        c = c.next
    return total


class Keeper(Plugin):
    mine: list[Cell]

    def __init__(self) -> None:
        self.mine = []
        for i in range(10):
            self.mine.append(Cell(i * 100, None))

    def check(self) -> str:
        last = LATEST
        latest = -1 if last is None else last.value
        parts = 0
        for name, nums in PAIRS:
            parts += len(name) + len(nums)
        mine = 0
        for c in self.mine:
            mine += c.value
        return (
            f"names={len(NAMES)} first={NAMES[0]} last={NAMES[-1]} index={len(INDEX)} "
            f"sum={chain_sum(INDEX['k7'])} chain={chain_sum(CHAIN)} latest={latest} "
            f"pairs={parts} mine={mine} count={COUNT}"
        )

    def churn(self, n: int) -> int:
        global LATEST, COUNT
        acc = 0
        for r in range(n):
            tmp: list[Cell] = []
            for i in range(10):
                tmp.append(Cell(i, None))
            s = "x" * (r % 7) + str(r)
            acc += len(s) + len(tmp)
            LATEST = Cell(r, LATEST if r % 2 == 0 else None)
            COUNT += 1
        return acc


def init_module(host: Host) -> None:
    global CHAIN
    for i in range(12):
        name = "name" + str(i)
        NAMES.append(name)
        INDEX["k" + str(i)] = make_chain(i + 1)
        PAIRS.append((name + "!", [i, i + 1]))
    CHAIN = make_chain(6)
    host.plugin = Keeper()
