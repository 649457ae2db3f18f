# expect: calling __hash__ of a class that defines __eq__ without __hash__ is refused (CPython's is None)
class Sym:
    name: str

    def __init__(self, name: str) -> None:
        self.name = name

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Sym) and other.name == self.name


def main(argv: list[str]) -> int:
    print(Sym("a").__hash__())
    return 0
