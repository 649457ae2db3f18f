# Fields assigned on every path through __init__: both branches, a base's __init__
# (super() or explicit), try/except arms, paths that raise, then methods called once
# every field is assigned.


class Base:
    tag: str

    def __init__(self, tag: str) -> None:
        self.tag = tag


class Point(Base):
    x: int
    y: int

    def __init__(self, x: int, y: int) -> None:
        super().__init__("point")
        if x < 0:
            raise ValueError("negative x")
        elif x == 0:
            self.x = 0
            self.y = y
        else:
            self.x, self.y = x, y
        self.describe()

    def describe(self) -> None:
        print(self.tag, self.x, self.y)


class Parsed(Base):
    value: int
    ok: bool

    def __init__(self, text: str) -> None:
        Base.__init__(self, "parsed")
        try:
            self.value = int(text)
            self.ok = True
        except ValueError:
            self.value = -1
            self.ok = False

    def show(self) -> str:
        return f"{self.tag}:{self.value}:{self.ok}"


class Counter:
    n: int
    seen: list[int]

    def __init__(self, items: list[int]) -> None:
        self.n = 0
        self.seen = []
        for i in items:
            self.n += i
            self.seen.append(i)
        while self.n > 10:
            self.n -= 10


def main(argv: list[str]) -> int:
    Point(0, 5)
    Point(3, 4)
    try:
        Point(-1, 0)
    except ValueError as e:
        print("refused:", e)
    print(Parsed("42").show(), Parsed("x").show())
    c = Counter([4, 5, 6])
    print(c.n, c.seen)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
