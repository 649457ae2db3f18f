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
        return "alpha value " + str(self.n) + " " + SEEN[0] + " " + SEEN[-1]


SEEN: list[str] = ["alpha global"]


def init_module(reg: Registry) -> None:
    for i in range(50):
        SEEN.append("alpha " + str(i))
    reg.values.append(AlphaValue(len(SEEN)))
    reg.plugins.append(Alpha())
    reg.plugins.append(AlphaPrime())
    reg.values.append(AlphaValue(1))
