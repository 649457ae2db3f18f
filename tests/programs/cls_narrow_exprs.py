# Narrowing inside boolean expressions and conditional expressions, with dict.get results,
# `not isinstance` + continue, and narrowing of a local in a while condition.


class Item:
    key: str
    qty: int

    def __init__(self, key: str, qty: int) -> None:
        self.key = key
        self.qty = qty


class Fragile(Item):
    broken: bool

    def __init__(self, key: str, qty: int) -> None:
        super().__init__(key, qty)
        self.broken = False


def qty_or_zero(x: Item | None) -> int:
    return x.qty if x is not None else 0


def is_big(x: Item | None) -> bool:
    return x is not None and x.qty > 10


def is_small_or_missing(x: Item | None) -> bool:
    return x is None or x.qty < 3


def fragile_count(items: list[Item]) -> int:
    n = 0
    for it in items:
        if not isinstance(it, Fragile):
            continue
        if it.broken:
            n += 100
        n += 1
    return n


def main(argv: list[str]) -> int:
    stock: dict[str, Item] = {}
    for k, q in [("apple", 5), ("pear", 12), ("fig", 1)]:
        stock[k] = Item(k, q)
    glass = Fragile("glass", 2)
    stock["glass"] = glass
    for k in ["apple", "pear", "fig", "kiwi", "glass"]:
        found = stock.get(k)
        print(k, qty_or_zero(found), is_big(found), is_small_or_missing(found))
    glass.broken = True
    items = list(stock.values())
    items.append(Fragile("vase", 1))
    print(fragile_count(items))
    x: Item | None = stock.get("pear")
    while x is not None and x.qty > 0:
        x.qty -= 5
        if x.qty < 0:
            x = None
    print(stock["pear"].qty, x is None)
    y: Item | None = stock.get("nothing")
    label = "none" if y is None else y.key
    z = stock.get("fig")
    label2 = z.key.upper() if z is not None and z.qty == 1 else "?"
    print(label, label2)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
