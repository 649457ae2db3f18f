class Pair:
    car: int
    cdr: int

    def __init__(self, car: int, cdr: int) -> None:
        self.car = car
        self.cdr = cdr

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Pair) and self.car == other.car

    def __hash__(self) -> int:
        return self.car


def ok(o: object) -> bool:
    return not isinstance(o, Pair) or o.car == o.cdr


def main(argv: list[str]) -> int:
    p = Pair(1, 1)
    print(p == Pair(1, 2), ok(p), ok(None))
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(main(sys.argv))
