from main import Registry, Shape


class Circle(Shape):
    radius: int

    def __init__(self, radius: int) -> None:
        self.radius = radius
        super().__init__("circle")

    def announce(self) -> None:
        print("circle", self.name, self.radius * 2)


def init_module(registry: Registry) -> None:
    registry.shapes.append(Circle(3))
