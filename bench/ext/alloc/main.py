# Allocation across the seam: the same loop, compiled into the core or into
# an extension (bench/ext/alloc/ext.py), creates small objects and keeps the
# most recent ones in a list the core owns, so the objects an extension
# allocates are held by core containers:
#
#   main.py core|ext ROUNDS [EXT_PATH]
#
# Both sides compute the same checksum.

from seam import export, load_extension


@export
class Item:
    key: int
    label: str
    prev: "Item | None"

    def __init__(self, key: int, label: str, prev: "Item | None") -> None:
        self.key = key
        self.label = label
        self.prev = prev


@export
class Space:
    kept: list[Item]
    maker: "Maker"

    def __init__(self) -> None:
        self.kept = []
        self.maker = Maker()


@export
class Maker:
    def fill(self, space: Space, rounds: int) -> int:
        return 0


class CoreMaker(Maker):
    def fill(self, space: Space, rounds: int) -> int:
        total = 0
        labels = ["a", "b", "c", "d"]
        for r in range(rounds):
            prev: Item | None = None
            for i in range(256):
                item = Item(i, labels[i % 4], prev)
                space.kept.append(item)
                prev = item
            total += len(space.kept)
            if len(space.kept) >= 4096:
                space.kept = []
        return total


def main(argv: list[str]) -> int:
    side = argv[1]
    rounds = int(argv[2])
    space = Space()
    if side == "core":
        space.maker = CoreMaker()
    else:
        load_extension(argv[3], space)
    print("alloc:", space.maker.fill(space, rounds), len(space.kept))
    return 0
