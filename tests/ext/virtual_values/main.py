# Core code calls virtual methods of extension objects (overrides of core
# methods): every value type goes in as an argument and comes back as a result.
from seam import export, load_extension


@export
class Item:
    name: str

    def __init__(self, name: str) -> None:
        self.name = name


@export
class Handler:
    def on_int(self, n: int) -> int:
        return n

    def on_float(self, x: float) -> float:
        return x

    def on_bool(self, b: bool) -> bool:
        return b

    def on_str(self, s: str) -> str:
        return s

    def on_none(self, s: str) -> None:
        print("core on_none", s)

    def on_list(self, xs: list[int]) -> list[int]:
        return xs

    def on_dict(self, d: dict[str, int]) -> dict[str, int]:
        return d

    def on_tuple(self, t: tuple[int, str]) -> tuple[str, int]:
        return (t[1], t[0])

    def on_optional(self, s: str | None) -> str | None:
        return s

    def on_item(self, item: Item) -> Item:
        return item

    def on_maybe_item(self, item: Item | None) -> Item | None:
        return item

    def on_items(self, items: list[Item]) -> dict[str, Item]:
        return {}

    def on_many(self, a: int, b: float, c: str, d: bool) -> str:
        return "core"


@export
class Registry:
    handlers: list[Handler]

    def __init__(self) -> None:
        self.handlers = []

    def add(self, h: Handler) -> None:
        self.handlers.append(h)


def exercise(h: Handler) -> None:
    print(h.on_int(41), h.on_int(-5))
    print(h.on_float(0.25), h.on_float(-1.0))
    print(h.on_bool(True), h.on_bool(False))
    print(repr(h.on_str("abc")), repr(h.on_str("")))
    h.on_none("x")
    xs = [1, 2, 3]
    ys = h.on_list(xs)
    print(ys, xs, ys is xs)
    d = {"a": 1}
    e = h.on_dict(d)
    print(e, d)
    print(h.on_tuple((5, "five")))
    print(h.on_optional("some"), h.on_optional(None))
    it = Item("core item")
    back = h.on_item(it)
    print(back.name, back is it)
    m = h.on_maybe_item(None)
    print("maybe:", m is None)
    m2 = h.on_maybe_item(it)
    if m2 is not None:
        print("maybe:", m2.name)
    out = h.on_items([Item("p"), Item("q")])
    for k in out:
        print(" ", k, out[k].name)
    print(h.on_many(1, 2.0, "three", True))


def main(argv: list[str]) -> int:
    reg = Registry()
    reg.add(Handler())
    load_extension("ext", reg)
    for h in reg.handlers:
        print("--", isinstance(h, Handler))
        exercise(h)
    return 0
