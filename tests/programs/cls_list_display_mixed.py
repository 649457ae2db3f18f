# List displays of mixed subclasses: annotated, passed as arguments, and inferred as the
# nearest common base; conditional expressions mixing subclasses.


class Shape:
    def name(self) -> str:
        return "shape"

    def area(self) -> float:
        return 0.0


class Rect(Shape):
    w: float
    h: float

    def __init__(self, w: float, h: float) -> None:
        self.w = w
        self.h = h

    def name(self) -> str:
        return "rect"

    def area(self) -> float:
        return self.w * self.h


class Square(Rect):
    def __init__(self, s: float) -> None:
        super().__init__(s, s)

    def name(self) -> str:
        return "square"


class Circle(Shape):
    r: float

    def __init__(self, r: float) -> None:
        self.r = r

    def name(self) -> str:
        return "circle"

    def area(self) -> float:
        return 3.0 * self.r * self.r


def total(shapes: list[Shape]) -> float:
    t = 0.0
    for s in shapes:
        t += s.area()
    return t


def names(shapes: list[Shape]) -> str:
    out: list[str] = []
    for s in shapes:
        out.append(s.name())
    return ",".join(out)


def main(argv: list[str]) -> int:
    xs: list[Shape] = [Rect(1.0, 2.0), Circle(1.0)]
    print(names(xs), total(xs))
    print(names([Square(2.0), Circle(2.0), Rect(0.5, 0.5)]), total([Circle(0.5)]))
    # Inferred: common base of Square and Rect is Rect, so .w is available.
    rs = [Square(3.0), Rect(1.0, 4.0)]
    print(rs[0].w + rs[1].w, rs[1].h)
    # Inferred: Circle and Square have Shape as their nearest common base.
    ys = [Circle(1.0), Square(1.0)]
    ys.append(Rect(2.0, 2.0))
    print(names(ys), len(ys))
    for flag in [True, False]:
        s: Shape = Circle(1.0) if flag else Rect(2.0, 5.0)
        print(s.name(), s.area())
        t = Square(1.0) if flag else Rect(1.0, 9.0)
        print(t.name(), t.h)
    nested: list[list[Shape]] = [[Circle(1.0)], [Rect(1.0, 1.0), Square(2.0)], []]
    for group in nested:
        print(len(group), names(group))
    by_name: dict[str, Shape] = {"a": Circle(2.0), "b": Square(3.0)}
    by_name["c"] = Rect(1.0, 1.5)
    for k, v in by_name.items():
        print(k, v.name(), v.area())
    pair: tuple[Shape, int] = (Square(4.0), 7)
    print(pair[0].area(), pair[1])
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
