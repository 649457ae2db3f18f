# Extension globals (a list, a dict, an instance, an optional) are GC roots:
# they survive allocation-heavy work in the core and in the extension.
from seam import export, load_extension


@export
class Cell:
    value: int
    next: "Cell | None"

    def __init__(self, value: int, next: "Cell | None") -> None:
        self.value = value
        self.next = next


@export
class Plugin:
    def check(self) -> str:
        return "core plugin"

    def churn(self, n: int) -> int:
        return 0


@export
class Host:
    plugin: Plugin

    def __init__(self) -> None:
        self.plugin = Plugin()


@export
def make_chain(n: int) -> Cell:
    head = Cell(0, None)
    for i in range(1, n):
        head = Cell(i, head)
    return head


def garbage(rounds: int) -> int:
    total = 0
    for r in range(rounds):
        xs: list[str] = []
        for i in range(20):
            xs.append(str(i) + "-" + str(r))
        d: dict[str, list[int]] = {}
        for s in xs:
            d[s] = [len(s), r]
        c = make_chain(5)
        total += len(d) + c.value
    return total


def main(argv: list[str]) -> int:
    host = Host()
    load_extension("ext", host)
    print(host.plugin.check())
    print("core garbage", garbage(6))
    print(host.plugin.check())
    print("ext churn", host.plugin.churn(12))
    print("core garbage", garbage(6))
    print(host.plugin.check())
    return 0
