# A subclass redefines a class-level constant; self.KIND reads the dynamic class's value.


class Animal:
    KIND = 0
    LABEL: str = "animal"

    def describe(self) -> str:
        return self.LABEL + "/" + str(self.KIND)

    def static_label(self) -> str:
        return Animal.LABEL


class Cat(Animal):
    KIND = 1
    LABEL: str = "cat"


class Lion(Cat):
    KIND = 2


class Dog(Animal):
    LABEL: str = "dog"


def main(argv: list[str]) -> int:
    zoo: list[Animal] = [Animal(), Cat(), Lion(), Dog()]
    for a in zoo:
        print(a.describe(), a.KIND, a.LABEL, a.static_label())
    print(Animal.KIND, Cat.KIND, Lion.KIND, Dog.KIND, Lion.LABEL, Dog.LABEL)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
