from seam import Exported, export, final


@export
class Space:
    name: str

    def __init__(self, name: str) -> None:
        self.name = name


@export
class W_Root:
    value: int

    def __init__(self, value: int) -> None:
        self.value = value

    def repr(self) -> str:
        return "<root>"

    def add(self, other: "W_Root", times: int) -> "W_Root":
        return W_Root(self.value + other.value * times)

    @final
    def ident(self) -> int:
        return self.value


@export
@final
class Sealed:
    def kind(self) -> str:
        return "sealed"


COUNTER: Exported[int] = 0


@export
def scale(n: int, k: float) -> float:
    return float(n) * k


def helper(n: int) -> int:
    return n + 1


def main(argv: list[str]) -> int:
    print(scale(helper(1), 2.0), COUNTER)
    return 0
