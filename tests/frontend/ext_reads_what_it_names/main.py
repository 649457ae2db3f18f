# A core exporting more than its extension uses: the extension's snapshot lists
# the core items it read, which are the ones it names and what those need.
from seam import Exported, export, load_extension


class Base:
    tag: int

    def __init__(self, tag: int) -> None:
        self.tag = tag

    def describe(self) -> str:
        return "base"


@export
class Shape(Base):
    def area(self) -> int:
        return self.tag * self.tag


@export
class Box:
    item: Shape

    def __init__(self, item: Shape) -> None:
        self.item = item


@export
class Unused:
    def never(self) -> int:
        return 1


@export
class Space:
    def __init__(self) -> None:
        pass


@export
def make_box() -> Box:
    return Box(Shape(3))


@export
def unused(x: int) -> int:
    return x


count: Exported[int] = 0
other: Exported[int] = 0


def main(argv: list[str]) -> int:
    load_extension("ext", Space())
    print(count, other, unused(1), Unused().never(), Box(Shape(2)).item.describe())
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(main(sys.argv))
