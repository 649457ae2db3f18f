from seam import export, final


@export(slack=4)
class Value:
    def kind(self) -> str:
        return "value"


@export
class Int(Value):
    n: int

    def __init__(self, n: int) -> None:
        self.n = n

    def kind(self) -> str:
        return "int"


@final
class Str(Value):
    s: str

    def __init__(self, s: str) -> None:
        self.s = s

    def kind(self) -> str:
        return "str"


@export(slack=0)
class Space:
    values: list[Value]

    def __init__(self) -> None:
        self.values = []


def main(argv: list[str]) -> int:
    space = Space()
    space.values.append(Int(1))
    space.values.append(Str("s"))
    print([v.kind() for v in space.values])
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(main(sys.argv))
