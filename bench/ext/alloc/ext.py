# The extension side of bench/ext/alloc: CoreMaker again, as ExtMaker.

from main import Item, Maker, Space


class ExtMaker(Maker):
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


def init_module(space: Space) -> None:
    space.maker = ExtMaker()
