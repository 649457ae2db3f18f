# Attribute chains: a.b.c reads and writes, augmented assignment through chains, through
# list and dict elements, and method calls on chained results.


class Inner:
    count: int
    names: list[str]

    def __init__(self) -> None:
        self.count = 0
        self.names = []

    def bump(self, k: int) -> "Inner":
        self.count += k
        return self


class Middle:
    inner: Inner
    others: list[Inner]
    by_key: dict[str, Inner]

    def __init__(self) -> None:
        self.inner = Inner()
        self.others = [Inner(), Inner()]
        self.by_key = {"a": Inner()}


class Outer:
    mid: Middle
    label: str

    def __init__(self) -> None:
        self.mid = Middle()
        self.label = "outer"


def main(argv: list[str]) -> int:
    o = Outer()
    o.mid.inner.count = 5
    o.mid.inner.count += 2
    o.mid.inner.count *= 3
    o.mid.others[1].count -= 4
    o.mid.others[0].names.append("x")
    o.mid.by_key["a"].count += 10
    o.mid.by_key["b"] = o.mid.others[1]
    o.mid.by_key["b"].count += 100
    o.mid.inner.bump(1).bump(2).names.append("chained")
    o.label += "!"
    print(o.mid.inner.count, o.mid.inner.names, o.label)
    print(o.mid.others[0].count, o.mid.others[0].names, o.mid.others[1].count)
    print(o.mid.by_key["a"].count, o.mid.by_key["b"].count, o.mid.by_key["b"] is o.mid.others[1])
    o.mid = Middle()
    print(o.mid.inner.count, len(o.mid.by_key))
    total = 0
    for inn in o.mid.others:
        inn.count += 3
        total += inn.count
    print(total, o.mid.others[1].count)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
