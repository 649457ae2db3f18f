import shapes.base


class Circle(shapes.base.Shape):
    r: float
    PI = 3.14159

    def __init__(self, r: float) -> None:
        super().__init__("circle")
        self.r = r

    def area(self) -> float:
        return self.PI * self.r * self.r


class Ring(Circle):
    inner: float

    def __init__(self, r: float, inner: float) -> None:
        super().__init__(r)
        self.name = "ring"
        self.inner = inner

    def area(self) -> float:
        return Circle.area(self) - Circle.PI * self.inner * self.inner
