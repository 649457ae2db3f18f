# Base classes of the object model, defined in a module of their own.
from seam import export


@export
class W_Object:
    def type_name(self) -> str:
        return "object"

    def to_str(self) -> str:
        return "<" + self.type_name() + ">"

    def add(self, other: "W_Object") -> "W_Object":
        raise TypeError("unsupported operand types for +: " + self.type_name() + " and " + other.type_name())


@export
class W_Int(W_Object):
    value: int

    def __init__(self, value: int) -> None:
        self.value = value

    def type_name(self) -> str:
        return "int"

    def to_str(self) -> str:
        return str(self.value)

    def add(self, other: W_Object) -> W_Object:
        if isinstance(other, W_Int):
            return W_Int(self.value + other.value)
        return W_Object.add(self, other)


COUNT_LIMIT = 3


def make_ints(n: int) -> list[W_Object]:
    out: list[W_Object] = []
    for i in range(n):
        out.append(W_Int(i * i))
    return out
