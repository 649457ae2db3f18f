# expect: a dunder method the language does not support
class V:
    x: int

    def __init__(self, x: int) -> None:
        self.x = x

    def __add__(self, other: "V") -> "V":
        return V(self.x + other.x)


def main(argv: list[str]) -> int:
    print((V(1) + V(2)).x)
    return 0
