from main import Plugin, Registry, Value


class Beta(Plugin):
    def name(self) -> str:
        return "beta"

    def knows(self, other: Plugin) -> bool:
        return isinstance(other, Beta)


class BetaPrime(Beta):
    def name(self) -> str:
        return "beta'"

    def knows(self, other: Plugin) -> bool:
        return isinstance(other, BetaPrime)


class BetaValue(Value):
    s: str

    def __init__(self, s: str) -> None:
        self.s = s

    def show(self) -> str:
        return "beta value " + self.s


def init_module(reg: Registry) -> None:
    reg.plugins.append(Beta())
    reg.plugins.append(BetaPrime())
    reg.plugins.append(Plugin())
    reg.values.append(BetaValue("b"))
    for p in reg.plugins:
        print("ext2:", p.name(), isinstance(p, Beta), isinstance(p, BetaPrime))
