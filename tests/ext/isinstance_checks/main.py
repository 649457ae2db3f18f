# isinstance against core classes, on core objects and on extension objects,
# in the core and in the extension; and against extension classes.
from seam import export, load_extension


@export
class Animal:
    def sound(self) -> str:
        return "..."


@export
class Dog(Animal):
    def sound(self) -> str:
        return "woof"


@export
class Puppy(Dog):
    def sound(self) -> str:
        return "yip"


@export
class Cat(Animal):
    def sound(self) -> str:
        return "meow"


@export
class Zoo:
    animals: list[Animal]

    def __init__(self) -> None:
        self.animals = [Animal(), Dog(), Puppy(), Cat()]


def classify(a: Animal) -> str:
    out = ""
    out += "A" if isinstance(a, Animal) else "-"
    out += "D" if isinstance(a, Dog) else "-"
    out += "P" if isinstance(a, Puppy) else "-"
    out += "C" if isinstance(a, Cat) else "-"
    return out


def main(argv: list[str]) -> int:
    zoo = Zoo()
    load_extension("ext", zoo)
    for a in zoo.animals:
        print("core:", a.sound(), classify(a))
        if isinstance(a, Dog):
            print("  narrowed to Dog:", Dog.sound(a))
    return 0
