# An extension assigns displays to the core's Exported[T] globals as
# `main.NAME = ...`: the display takes the global's type, as it does for a
# field or a local (found by seam-gen's seam module, seed 617 of its fourth
# version: `main.G0 = [C3(...)]` for a `list[C1]` was refused with
# "expected list[C1], found list[C3]").
from seam import Exported, export, load_extension


@export
class Base:
    def name(self) -> str:
        return "Base"


@export
class Sub(Base):
    def name(self) -> str:
        return "Sub"


@export
class Space:
    items: list[Base]

    def __init__(self) -> None:
        self.items = []


ITEMS: Exported[list[Base]] = [Sub()]
BY_NAME: Exported[dict[str, Base]] = {}
NAMES: Exported[list[str]] = ["core"]
MAYBE: Exported[Base | None] = None


@export
def names(items: list[Base]) -> list[str]:
    return [b.name() for b in items]


def main(argv: list[str]) -> int:
    space = Space()
    space.items = [Sub()]
    load_extension("ext", space)
    print(names(ITEMS), names(space.items), NAMES)
    print(sorted(BY_NAME.keys()), [BY_NAME[k].name() for k in sorted(BY_NAME.keys())])
    m = MAYBE
    print("None" if m is None else m.name())
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(main(sys.argv))
