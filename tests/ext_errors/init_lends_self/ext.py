# expect: the core's Shape.__init__ calls a method on self (the exports file says so): a subclass assigns its own fields before calling it
from main import Registry, Shape


class Circle(Shape):
    radius: int

    def __init__(self, radius: int) -> None:
        super().__init__("circle")
        self.radius = radius

    def announce(self) -> None:
        print("circle", self.radius * 2)


def init_module(registry: Registry) -> None:
    Circle(3)
