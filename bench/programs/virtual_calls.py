# Virtual calls: a method of a base class overridden by three subclasses,
# called through a list[Shape] 24 million times (the receivers' classes
# alternate, so the call site sees all four implementations).
# bench/rust/virtual_calls.rs is the same loop over Vec<Box<dyn Shape>>.


class Shape:
    def weight(self, k: int) -> int:
        return k


class Square(Shape):
    def weight(self, k: int) -> int:
        return k * k


class Double(Shape):
    def weight(self, k: int) -> int:
        return k + k


class Shift(Shape):
    def weight(self, k: int) -> int:
        return k >> 1


class Negate(Shape):
    def weight(self, k: int) -> int:
        return -k


def main(argv: list[str]) -> int:
    rounds = 240000
    if len(argv) > 1:
        rounds = int(argv[1])
    shapes: list[Shape] = []
    for i in range(100):
        if i % 4 == 0:
            shapes.append(Square())
        elif i % 4 == 1:
            shapes.append(Double())
        elif i % 4 == 2:
            shapes.append(Shift())
        else:
            shapes.append(Negate())
    total = 0
    for r in range(rounds):
        k = r & 1023
        for s in shapes:
            total += s.weight(k)
        total &= 0xFFFFFFFFFFF
    print("calls:", rounds * len(shapes), "total:", total)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
