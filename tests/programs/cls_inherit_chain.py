# A four-level single-inheritance chain; each level appends fields and methods.


class Animal:
    name: str
    legs: int

    def __init__(self, name: str, legs: int) -> None:
        self.name = name
        self.legs = legs

    def describe(self) -> str:
        return self.name + " has " + str(self.legs) + " legs"

    def sound(self) -> str:
        return "..."


class Mammal(Animal):
    fur: str

    def __init__(self, name: str, fur: str) -> None:
        super().__init__(name, 4)
        self.fur = fur

    def coat(self) -> str:
        return self.fur + " fur"


class Dog(Mammal):
    breed: str
    tricks: list[str]

    def __init__(self, name: str, fur: str, breed: str) -> None:
        super().__init__(name, fur)
        self.breed = breed
        self.tricks = []

    def sound(self) -> str:
        return "woof"

    def learn(self, trick: str) -> None:
        self.tricks.append(trick)


class ServiceDog(Dog):
    job: str
    years: int

    def __init__(self, name: str, breed: str, job: str, years: int) -> None:
        super().__init__(name, "short", breed)
        self.job = job
        self.years = years

    def sound(self) -> str:
        return "quiet " + Dog.sound(self)

    def badge(self) -> str:
        return self.name + " (" + self.breed + ") " + self.job + " for " + str(self.years) + "y"


def main(argv: list[str]) -> int:
    a = Animal("snake", 0)
    m = Mammal("cat", "grey")
    d = Dog("rex", "brown", "collie")
    s = ServiceDog("ace", "labrador", "guide", 5)
    print(a.describe(), "|", a.sound())
    print(m.describe(), "|", m.coat(), "|", m.sound())
    d.learn("sit")
    d.learn("roll")
    print(d.describe(), "|", d.coat(), "|", d.sound(), "|", d.tricks, "|", d.breed)
    s.learn("stop")
    print(s.describe(), "|", s.coat(), "|", s.sound(), "|", s.tricks)
    print(s.badge())
    s.legs = 3
    s.years += 1
    print(s.describe(), s.badge())
    print(s.name, s.legs, s.fur, s.breed, s.job, s.years)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
