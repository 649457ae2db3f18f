from main import Holder, Item, Transform, labels, pairs


class Special(Item):
    def label(self) -> str:
        return "special " + self.name


class Mine(Transform):
    def grid(self, g: list[list[int]]) -> list[list[int]]:
        g.append([len(g)])
        out: list[list[int]] = []
        for row in g:
            out.append(row + row)
        return out

    def group(self, items: list[Item]) -> dict[str, list[Item]]:
        d: dict[str, list[Item]] = {}
        for it in items:
            d.setdefault(it.name[0], []).append(it)
        d["s"] = [Special("star")]
        items.append(Special("added by ext"))
        return d

    def by_id(self, d: dict[int, Item]) -> tuple[Item, list[str]]:
        keys = sorted(list(d.keys()))
        names: list[str] = []
        for k in keys:
            names.append(str(k) + "=" + d[k].name)
        return (d[keys[0]], names)

    def floats(self, xs: list[float]) -> dict[str, float]:
        total = 0.0
        for x in xs:
            total += x
        return {"sum": total, "max": max(xs), "avg": total / float(len(xs))}


def init_module(h: Holder) -> None:
    h.t = Mine()
    ps = pairs(3)
    for i, it in ps:
        print("ext pair", i, it.label())
    print(labels({"x": [Item("1"), Special("2")], "y": []}))
