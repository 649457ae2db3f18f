from typing import Callable

from seam import Exported, export, load_extension


@export(slack=8)
class W_Object:
    def show(self) -> str:
        return "?"

    def add(self, other: "W_Object") -> "W_Object":
        raise OpError("cannot add " + self.show())


@export
class W_Int(W_Object):
    value: int

    def __init__(self, value: int) -> None:
        self.value = value

    def show(self) -> str:
        return str(self.value)


@export
class OpError(Exception):
    pass


@export
class Space:
    builtins: dict[str, Callable[[list[W_Object]], W_Object]]

    def __init__(self) -> None:
        self.builtins = {}


loaded: Exported[int] = 0


@export
def wrap(n: int, tag: str = "int") -> W_Object:
    return W_Int(n)


def main(argv: list[str]) -> int:
    space = Space()
    load_extension("ext", space)
    for name, f in space.builtins.items():
        try:
            print(name, f([W_Int(1), W_Int(2)]).show())
        except OpError as e:
            print(name, "failed:", e)
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(main(sys.argv))
