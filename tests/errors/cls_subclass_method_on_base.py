# expect: calling a subclass-only method through a base-typed value


class Animal:
    pass


class Dog(Animal):
    def bark(self) -> str:
        return "woof"


def main(argv: list[str]) -> int:
    a: Animal = Dog()
    print(a.bark())
    return 0
