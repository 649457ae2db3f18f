from main import Plugin, Registry, Value


class Alpha(Plugin):
    def name(self) -> str:
        return "alpha"

    def knows(self, other: Plugin) -> bool:
        return isinstance(other, Alpha)


class AlphaPrime(Alpha):
    def name(self) -> str:
        return "alpha'"


class AlphaValue(Value):
    n: int

    def __init__(self, n: int) -> None:
        self.n = n

    def show(self) -> str:
        return "alpha value " + str(self.n)


def init_module(reg: Registry) -> None:
    reg.plugins.append(Alpha())
    reg.plugins.append(AlphaPrime())
    reg.values.append(AlphaValue(1))
