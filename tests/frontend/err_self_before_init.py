# expect: self used before __init__ has assigned every field
class Node:
    a: int
    b: int

    def __init__(self) -> None:
        self.a = 1
        self.show()
        self.b = 2

    def show(self) -> None:
        print(self.a)


def main(argv: list[str]) -> int:
    Node()
    return 0
