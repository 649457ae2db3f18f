# expect: calling a method the class does not define


class Dog:
    def bark(self) -> str:
        return "woof"


def main(argv: list[str]) -> int:
    d = Dog()
    print(d.meow())
    return 0
