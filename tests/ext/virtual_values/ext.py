# Overrides every method of the core's Handler; the core calls them.
from main import Handler, Item, Registry


class Loud(Handler):
    def on_int(self, n: int) -> int:
        return n * 2 + 1

    def on_float(self, x: float) -> float:
        return x / 3.0

    def on_bool(self, b: bool) -> bool:
        return not b

    def on_str(self, s: str) -> str:
        return s + s.upper()

    def on_none(self, s: str) -> None:
        print("ext on_none", s)

    def on_list(self, xs: list[int]) -> list[int]:
        xs.append(len(xs))
        return copy_times(xs, 10)

    def on_dict(self, d: dict[str, int]) -> dict[str, int]:
        d["ext"] = 99
        return {"fresh": len(d)}

    def on_tuple(self, t: tuple[int, str]) -> tuple[str, int]:
        n, s = t
        return (s + "!", n + 1)

    def on_optional(self, s: str | None) -> str | None:
        if s is None:
            return "was none"
        return None

    def on_item(self, item: Item) -> Item:
        return Item(item.name + " via ext")

    def on_maybe_item(self, item: Item | None) -> Item | None:
        if item is None:
            return None
        return Item("ext " + item.name)

    def on_items(self, items: list[Item]) -> dict[str, Item]:
        out: dict[str, Item] = {}
        for it in items:
            out[it.name.upper()] = it
        out["new"] = Item("made in ext")
        return out

    def on_many(self, a: int, b: float, c: str, d: bool) -> str:
        return f"ext {a} {b} {c} {d}"


def copy_times(xs: list[int], k: int) -> list[int]:
    out: list[int] = []
    for x in xs:
        out.append(x * k)
    return out


class Quiet(Handler):
    def on_int(self, n: int) -> int:
        return 0

    def on_str(self, s: str) -> str:
        return "quiet"


def init_module(reg: Registry) -> None:
    reg.add(Loud())
    reg.add(Quiet())
