# A deep hierarchy across the boundary: core base -> core sub -> extension
# sub -> extension sub-sub -> extension sub-sub-sub, each level with its own
# field; virtual dispatch, super() chains and isinstance at every level.
from seam import export, load_extension


@export
class Base:
    a: int

    def __init__(self, a: int) -> None:
        self.a = a

    def depth(self) -> int:
        return 0

    def chain(self) -> str:
        return "Base(a=" + str(self.a) + ")"

    def total(self) -> int:
        return self.a


@export(slack=8)
class Mid(Base):
    b: str

    def __init__(self, a: int, b: str) -> None:
        super().__init__(a)
        self.b = b

    def depth(self) -> int:
        return 1

    def chain(self) -> str:
        return "Mid(b=" + self.b + ") < " + super().chain()


@export
class World:
    objs: list[Base]

    def __init__(self) -> None:
        self.objs = [Base(1), Mid(2, "two")]


def levels(o: Base) -> str:
    return ("B" if isinstance(o, Base) else "-") + ("M" if isinstance(o, Mid) else "-")


def main(argv: list[str]) -> int:
    world = World()
    load_extension("ext", world)
    for o in world.objs:
        print(o.depth(), levels(o), o.total(), o.chain())
    return 0
