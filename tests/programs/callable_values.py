from typing import Callable, Optional


class Shape:
    name: str

    def __init__(self, name: str) -> None:
        self.name = name

    def area(self) -> int:
        return 0

    def scaled(self, k: int, extra: int = 1) -> int:
        return self.area() * k + extra


class Square(Shape):
    side: int

    def __init__(self, side: int) -> None:
        super().__init__("square")
        self.side = side

    def area(self) -> int:
        return self.side * self.side


class Calc:
    ops: dict[str, Callable[[int, int], int]]
    hook: Optional[Callable[[str], None]]

    def __init__(self) -> None:
        self.ops = {}
        self.hook = None

    def run(self, name: str, a: int, b: int) -> int:
        h = self.hook
        if h is not None:
            h(name)
        return self.ops[name](a, b)


def add(a: int, b: int) -> int:
    return a + b


def mul(a: int, b: int) -> int:
    return a * b


def inc(a: int, b: int = 1) -> int:
    return a + b


def shout(s: str) -> None:
    print("calling", s)


def twice(f: Callable[[int], int], x: int) -> int:
    return f(f(x))


def compose(f: Callable[[int], int], g: Callable[[int], int]) -> list[Callable[[int], int]]:
    return [f, g]


def fail(x: int) -> int:
    if x > 2:
        raise ValueError("too big: " + str(x))
    return x


TABLE: dict[str, Callable[[int, int], int]] = {"add": add, "mul": mul}


def main(argv: list[str]) -> int:
    c = Calc()
    c.ops["add"] = add
    c.ops["mul"] = mul
    c.ops["inc"] = inc
    print(c.run("add", 2, 3), c.run("mul", 4, 5), c.run("inc", 1, 10))
    c.hook = shout
    print(c.run("add", 7, 8))
    print(twice(inc, 5))
    s: Shape = Square(3)
    m = s.area
    print(m())
    k: Callable[[int], int] = s.scaled
    print(k(2))
    fs = compose(inc, k)
    total = 0
    for f in fs:
        total += f(10)
    print(total)
    g = fail
    for i in range(5):
        try:
            print(g(i))
        except ValueError as e:
            print("caught", e)
    print(TABLE["mul"](6, 7))
    h: Optional[Callable[[], int]] = m
    if h:
        print("callables are true", h())
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
