# Constructors whose __init__ only stores its parameters and constants into
# fields are inlined at the construction: the arguments must still be
# evaluated once each, left to right (keywords in the order written), before
# the stores, and defaults, subclasses and a bare `return` must behave as
# the call did.

trace: list[str] = []


def note(name: str, value: int) -> int:
    trace.append(name)
    return value


class Point:
    x: int
    y: int
    label: str
    visible: bool

    def __init__(self, x: int, y: int, label: str = "p") -> None:
        self.x = x
        self.y = y
        self.label = label
        self.visible = True
        return


class Cell:
    head: int
    tail: "Cell | None"

    def __init__(self, head: int, tail: "Cell | None") -> None:
        self.head = head
        self.tail = tail


class Tagged(Point):
    tag: float

    def __init__(self, x: int, y: int, label: str = "t") -> None:
        self.x = y
        self.y = x
        self.label = label
        self.tag = 0.5
        self.visible = False


class Counted:
    n: int

    def __init__(self, n: int) -> None:
        self.n = n
        trace.append("counted")


def build(n: int) -> "Cell | None":
    cells: "Cell | None" = None
    for i in range(n):
        cells = Cell(i, cells)
    return cells


def length(c: "Cell | None") -> int:
    n = 0
    while c is not None:
        n += c.head
        c = c.tail
    return n


def main(argv: list[str]) -> int:
    p = Point(note("x", 1), note("y", 2))
    q = Point(y=note("y2", 4), x=note("x2", 3), label="q")
    print(p.x, p.y, p.label, p.visible, q.x, q.y, q.label, trace)
    t = Tagged(note("tx", 5), note("ty", 6))
    print(t.x, t.y, t.label, t.tag, t.visible, isinstance(t, Point))
    c = Counted(note("c", 7))
    print(c.n, trace)
    print(length(build(1000)), length(build(0)))
    same = Cell(1, None)
    loop = Cell(2, same)
    print(loop.tail is same, loop.head + same.head)
    points = [Point(i, i * i) for i in range(5)]
    print(sum(pt.y for pt in points), [pt.label for pt in points][:2])
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(main(sys.argv))
