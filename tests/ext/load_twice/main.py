# Loading the same extension twice is a no-op the second time: its global
# initialisers and init_module run once, its classes are registered once.
# Another spelling of the same path ("./ext") is the same extension.
from seam import Exported, export, load_extension


@export
class Thing:
    def kind(self) -> str:
        return "thing"


@export
class Space:
    inits: int
    objects: list[Thing]

    def __init__(self) -> None:
        self.inits = 0
        self.objects = []


LOADS: Exported[int] = 0


def main(argv: list[str]) -> int:
    space = Space()
    load_extension("ext", space)
    print("after first:", space.inits, LOADS, len(space.objects))
    load_extension("ext", space)
    print("after second:", space.inits, LOADS, len(space.objects))
    load_extension("./ext", space)
    print("after ./ext:", space.inits, LOADS, len(space.objects))
    other = Space()
    load_extension("ext", other)
    print("other space:", other.inits, len(other.objects))
    for t in space.objects:
        print(t.kind())
    return 0
