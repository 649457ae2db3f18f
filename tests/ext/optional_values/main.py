# Optional value types (boxed int | None, float | None, bool | None) and
# comprehensions cross the seam: in an exported function's signature, in
# fields of an exported class, and in containers both sides fill.
from seam import export, load_extension


@export
class Stats:
    best: int | None
    mean: float | None
    seen: list[int | None]
    ok: dict[str, bool | None]

    def __init__(self) -> None:
        self.best = None
        self.mean = None
        self.seen = []
        self.ok = {}

    def score(self, x: int | None) -> int | None:
        return x


@export
def largest(xs: list[int]) -> int | None:
    if len(xs) == 0:
        return None
    return max(x for x in xs)


def main(argv: list[str]) -> int:
    s = Stats()
    load_extension("ext", s)
    print(s.best, s.mean, s.seen, s.ok)
    print(s.score(4), s.score(None))
    if s.best is not None:
        print(s.best * 2)
    print([v for v in s.seen if v is not None], sorted({k for k in s.ok}))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
