from main import Stats, largest


class Doubler(Stats):
    def score(self, x: int | None) -> int | None:
        if x is None:
            return -1
        return x * 2


def init_module(s: Stats) -> None:
    s.best = largest([3, 9, 4])
    print(s.best, largest([]))
    xs = [1.0, 2.0, 4.5]
    s.mean = sum((x for x in xs), 0.0) / float(len(xs))
    s.seen = [None if i % 2 == 0 else i * i for i in range(5)]
    s.ok = {"a": True, "b": None, "c": False}
    d = Doubler()
    print(d.score(21), d.score(None), [d.score(v) for v in s.seen])
