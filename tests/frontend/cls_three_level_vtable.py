class Animal:
    name: str

    def __init__(self, name: str) -> None:
        self.name = name

    def sound(self) -> str:
        return "..."

    def describe(self) -> str:
        return self.name + " says " + self.sound()


class Dog(Animal):
    tricks: int

    def __init__(self, name: str, tricks: int) -> None:
        super().__init__(name)
        self.tricks = tricks

    def sound(self) -> str:
        return "woof"

    def fetch(self) -> int:
        return self.tricks


class Puppy(Dog):
    age: float

    def __init__(self, name: str) -> None:
        super().__init__(name, 0)
        self.age = 0.5

    def sound(self) -> str:
        return "yip"

    def fetch(self) -> int:
        return super().fetch() + 1


def main(argv: list[str]) -> int:
    animals: list[Animal] = [Animal("a"), Dog("d", 2), Puppy("p")]
    for a in animals:
        print(a.describe())
        if isinstance(a, Dog):
            print(a.fetch())
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(main(sys.argv))
