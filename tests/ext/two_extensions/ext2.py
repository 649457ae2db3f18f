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


BY_NAME: dict[str, Value] = {}


def init_module(reg: Registry) -> None:
    for i in range(50):
        BY_NAME["b" + str(i)] = BetaValue(str(i * i))
    reg.plugins.append(Beta())
    reg.plugins.append(BetaPrime())
    reg.plugins.append(Plugin())
    reg.values.append(BetaValue("b"))
    reg.values.append(BY_NAME["b7"])
    for p in reg.plugins:
        print("ext2:", p.name(), isinstance(p, Beta), isinstance(p, BetaPrime))
