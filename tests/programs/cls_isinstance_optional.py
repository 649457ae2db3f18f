# isinstance on `C | None` values (None is never an instance), with narrowing.
from typing import Optional


class Item:
    name: str

    def __init__(self, name: str) -> None:
        self.name = name


class Weapon(Item):
    damage: int

    def __init__(self, name: str, damage: int) -> None:
        super().__init__(name)
        self.damage = damage


class Potion(Item):
    heal: int

    def __init__(self, name: str, heal: int) -> None:
        super().__init__(name)
        self.heal = heal


def slot(items: list[Item], i: int) -> Item | None:
    if 0 <= i < len(items):
        return items[i]
    return None


def use(it: Optional[Item]) -> str:
    if isinstance(it, Weapon):
        return "hit for " + str(it.damage)
    if isinstance(it, Potion):
        return "heal " + str(it.heal)
    if isinstance(it, Item):
        return "look at " + it.name
    return "empty hand"


def main(argv: list[str]) -> int:
    bag: list[Item] = [Weapon("sword", 7), Potion("red", 25), Item("rock")]
    for i in range(-1, 5):
        print(i, use(slot(bag, i)))
    x: Item | None = None
    print(isinstance(x, Item), isinstance(x, Weapon))
    x = Potion("blue", 3)
    print(isinstance(x, Item), isinstance(x, Weapon), isinstance(x, Potion))
    if isinstance(x, Potion):
        x.heal += 10
        print(x.heal)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
