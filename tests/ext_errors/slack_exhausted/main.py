# runtime: an extension whose classes need more ids than their core base
# reserved (slack=1) fails to load with ImportError naming the class and the
# slack to raise; the failure consumes no ids, so a smaller one still loads.
# (Under seam py both load: the one sanctioned difference.)
from seam import export, load_extension


@export(slack=1)
class Base:
    def name(self) -> str:
        return "base"


@export
class Space:
    objs: list[Base]

    def __init__(self) -> None:
        self.objs = []


def main(argv: list[str]) -> int:
    space = Space()
    for path in ["ext_big", "ext_small", "ext_big"]:
        try:
            load_extension(path, space)
            print(path, "loaded")
        except ImportError as e:
            print(path, "ImportError:", str(e))
    for o in space.objs:
        print(o.name())
    return 0
