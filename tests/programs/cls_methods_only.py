# Classes without fields (only methods, or only `pass`), used as strategy objects.


class Strategy:
    def apply(self, x: int) -> int:
        return x

    def name(self) -> str:
        return "identity"


class Double(Strategy):
    def apply(self, x: int) -> int:
        return x * 2

    def name(self) -> str:
        return "double"


class Square(Strategy):
    def apply(self, x: int) -> int:
        return x * x

    def name(self) -> str:
        return "square"


class Compose(Strategy):
    first: Strategy
    second: Strategy

    def __init__(self, first: Strategy, second: Strategy) -> None:
        self.first = first
        self.second = second

    def apply(self, x: int) -> int:
        return self.second.apply(self.first.apply(x))

    def name(self) -> str:
        return self.second.name() + "." + self.first.name()


class Marker:
    pass


class SubMarker(Marker):
    pass


def run(s: Strategy, xs: list[int]) -> list[int]:
    out: list[int] = []
    for x in xs:
        out.append(s.apply(x))
    return out


def main(argv: list[str]) -> int:
    strategies: list[Strategy] = [Strategy(), Double(), Square()]
    strategies.append(Compose(Double(), Square()))
    strategies.append(Compose(Compose(Square(), Double()), Compose(Double(), Double())))
    for s in strategies:
        print(s.name(), run(s, [1, 2, 3, -4]))
    m: Marker = SubMarker()
    m2 = Marker()
    print(isinstance(m, SubMarker), isinstance(m2, SubMarker), m is m2, m == m)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
