# super().__init__(...) chains with arguments computed from the subclass's own.


class Vehicle:
    wheels: int
    label: str

    def __init__(self, wheels: int, label: str) -> None:
        self.wheels = wheels
        self.label = label
        print("Vehicle.__init__", wheels, label)


class Car(Vehicle):
    doors: int

    def __init__(self, doors: int) -> None:
        print("Car.__init__ before super", doors)
        super().__init__(4, "car" + str(doors))
        self.doors = doors
        print("Car.__init__ after super", self.label)


class SportsCar(Car):
    top_speed: float

    def __init__(self, top_speed: float) -> None:
        super().__init__(2)
        self.top_speed = top_speed
        self.label = self.label + "-sport"


class Bike(Vehicle):
    def __init__(self) -> None:
        Vehicle.__init__(self, 2, "bike")


def show(v: Vehicle) -> None:
    print(v.label, v.wheels)


def main(argv: list[str]) -> int:
    v = Vehicle(6, "truck")
    c = Car(5)
    s = SportsCar(301.5)
    b = Bike()
    for x in [v, c, s, b]:
        show(x)
    print(s.doors, s.top_speed, c.doors)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
