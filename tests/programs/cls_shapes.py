# A shape hierarchy with float areas and perimeters, scaled copies and sorting by area.


class Shape:
    name: str

    def __init__(self, name: str) -> None:
        self.name = name

    def area(self) -> float:
        return 0.0

    def perimeter(self) -> float:
        return 0.0

    def scaled(self, k: float) -> "Shape":
        return Shape(self.name)

    def summary(self) -> str:
        return self.name + " area=" + str(self.area()) + " perim=" + str(self.perimeter())


class Rect(Shape):
    w: float
    h: float

    def __init__(self, w: float, h: float) -> None:
        super().__init__("rect")
        self.w = w
        self.h = h

    def area(self) -> float:
        return self.w * self.h

    def perimeter(self) -> float:
        return 2 * (self.w + self.h)

    def scaled(self, k: float) -> Shape:
        return Rect(self.w * k, self.h * k)


class Square(Rect):
    def __init__(self, side: float) -> None:
        super().__init__(side, side)
        self.name = "square"

    def scaled(self, k: float) -> Shape:
        return Square(self.w * k)


class Circle(Shape):
    r: float
    PI = 3.141592653589793

    def __init__(self, r: float) -> None:
        super().__init__("circle")
        self.r = r

    def area(self) -> float:
        return Circle.PI * self.r * self.r

    def perimeter(self) -> float:
        return 2 * self.PI * self.r

    def scaled(self, k: float) -> Shape:
        return Circle(self.r * k)


class Triangle(Shape):
    a: float
    b: float
    c: float

    def __init__(self, a: float, b: float, c: float) -> None:
        super().__init__("triangle")
        self.a = a
        self.b = b
        self.c = c

    def perimeter(self) -> float:
        return self.a + self.b + self.c

    def area(self) -> float:
        s = self.perimeter() / 2
        x = s * (s - self.a) * (s - self.b) * (s - self.c)
        # Newton's method square root, to stay within the builtins.
        g = x / 2 if x > 1 else 1.0
        for _ in range(60):
            g = (g + x / g) / 2
        return g


def main(argv: list[str]) -> int:
    shapes: list[Shape] = [Rect(3.0, 4.5), Circle(1.0), Square(2.5), Triangle(3.0, 4.0, 5.0), Shape("blob")]
    for s in shapes:
        print(s.summary())
    total = 0.0
    for s in shapes:
        total += s.area()
    print("total", total)
    bigger: list[Shape] = []
    for s in shapes:
        bigger.append(s.scaled(2.0))
    for s in bigger:
        print(s.name, s.area())
    # Selection sort by area, descending.
    order = list(bigger)
    for i in range(len(order)):
        best = i
        for j in range(i + 1, len(order)):
            if order[j].area() > order[best].area():
                best = j
        tmp = order[i]
        order[i] = order[best]
        order[best] = tmp
    names: list[str] = []
    for s in order:
        names.append(s.name)
    print(names)
    largest = 0.0
    for s in shapes:
        largest = max(largest, s.area())
    print(largest)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
