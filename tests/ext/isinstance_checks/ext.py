from main import Animal, Cat, Dog, Puppy, Zoo


class Wolf(Dog):
    def sound(self) -> str:
        return "howl"


class Cub(Wolf):
    def sound(self) -> str:
        return "squeak"


class Robot(Animal):
    def sound(self) -> str:
        return "beep"


class Kitten(Cat):
    pass


def ext_classify(a: Animal) -> str:
    out = ""
    out += "A" if isinstance(a, Animal) else "-"
    out += "D" if isinstance(a, Dog) else "-"
    out += "P" if isinstance(a, Puppy) else "-"
    out += "C" if isinstance(a, Cat) else "-"
    out += "W" if isinstance(a, Wolf) else "-"
    out += "U" if isinstance(a, Cub) else "-"
    out += "R" if isinstance(a, Robot) else "-"
    out += "K" if isinstance(a, Kitten) else "-"
    return out


def init_module(zoo: Zoo) -> None:
    zoo.animals.append(Wolf())
    zoo.animals.append(Cub())
    zoo.animals.append(Robot())
    zoo.animals.append(Kitten())
    for a in zoo.animals:
        print("ext:", a.sound(), ext_classify(a))
        if isinstance(a, Wolf):
            print("  narrowed to Wolf:", Wolf.sound(a), Dog.sound(a))
