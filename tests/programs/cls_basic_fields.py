# A class with declared fields, __init__, methods that read and mutate fields.


class Counter:
    name: str
    count: int
    step: int
    history: list[int]

    def __init__(self, name: str, step: int) -> None:
        self.name = name
        self.count = 0
        self.step = step
        self.history = []

    def tick(self) -> int:
        self.count += self.step
        self.history.append(self.count)
        return self.count

    def reset(self) -> None:
        self.count = 0
        self.history = []

    def describe(self) -> str:
        return self.name + "=" + str(self.count) + " after " + str(len(self.history)) + " ticks"


class Point:
    x: float
    y: float

    def __init__(self, x: float, y: float) -> None:
        self.x = x
        self.y = y

    def dist2(self, other: "Point") -> float:
        dx = self.x - other.x
        dy = self.y - other.y
        return dx * dx + dy * dy

    def moved(self, dx: float, dy: float) -> "Point":
        return Point(self.x + dx, self.y + dy)


def main(argv: list[str]) -> int:
    c = Counter("c", 3)
    for _ in range(4):
        print(c.tick())
    print(c.describe())
    print(c.history)
    c.reset()
    print(c.describe(), c.history)
    c.step = 10
    c.tick()
    c.count = c.count * 2
    print(c.count, c.name, c.step)

    p = Point(1.0, 2.0)
    q = p.moved(3.0, 4.0)
    print(p.x, p.y, q.x, q.y)
    print(p.dist2(q))
    q.x = 0.5
    print(q.x, q.dist2(Point(0.5, 6.0)))
    d = Counter("d", 1)
    e = d
    e.tick()
    print(d.count, e.count)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
