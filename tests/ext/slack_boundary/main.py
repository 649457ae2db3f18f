# An extension whose classes use exactly the class ids their core base
# reserves (@export(slack=4): two direct subclasses, a sub-subclass and a
# sub-sub-subclass) loads; isinstance between all of them and the core's own
# subclass is exact, so no id leaked out of its range.
from seam import export, load_extension


@export(slack=4)
class Base:
    def name(self) -> str:
        return "Base"


@export
class CoreSub(Base):
    def name(self) -> str:
        return "CoreSub"


@export(slack=0)
class Unrelated:
    def name(self) -> str:
        return "Unrelated"


@export
class Space:
    objs: list[Base]

    def __init__(self) -> None:
        self.objs = [Base(), CoreSub()]


def main(argv: list[str]) -> int:
    space = Space()
    load_extension("ext", space)
    for o in space.objs:
        print(o.name(), isinstance(o, Base), isinstance(o, CoreSub))
    print(Unrelated().name())
    return 0
