# expect: dunder methods other than the supported ones are refused, naming the method
class Vec:
    x: int

    def __init__(self, x: int) -> None:
        self.x = x

    def __add__(self, other: "Vec") -> "Vec":
        return Vec(self.x + other.x)


def main(argv: list[str]) -> int:
    return 0
