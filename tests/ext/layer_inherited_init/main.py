# An extension's exported class that inherits its __init__ from a core class
# (found by the seam generator, seed 8): the extension's exports file names
# the core class as where the __init__ is defined, an ancestor another file
# describes. A second layer constructs the class and subclasses it.
from seam import export, load_extension


@export
class Base:
    n: int

    def __init__(self, n: int, extra: int = 2) -> None:
        self.n = n + extra

    def show(self) -> str:
        return "Base " + str(self.n)


@export
class Space:
    objs: list[Base]

    def __init__(self) -> None:
        self.objs = []


def main(argv: list[str]) -> int:
    space = Space()
    load_extension("mid", space)
    load_extension("top", space)
    for o in space.objs:
        print(o.show())
    return 0
