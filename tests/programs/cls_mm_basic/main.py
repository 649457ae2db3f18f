# Classes imported from another module, subclassed here, and mixed in one list.
from objects import W_Object, W_Int, make_ints
import objects


class W_Str(W_Object):
    s: str

    def __init__(self, s: str) -> None:
        self.s = s

    def type_name(self) -> str:
        return "str"

    def to_str(self) -> str:
        return self.s

    def add(self, other: W_Object) -> W_Object:
        if isinstance(other, W_Str):
            return W_Str(self.s + other.s)
        return super().add(other)


class W_Bool(objects.W_Int):
    def type_name(self) -> str:
        return "bool"

    def to_str(self) -> str:
        return "True" if self.value != 0 else "False"


def main(argv: list[str]) -> int:
    vals = make_ints(objects.COUNT_LIMIT)
    vals.append(W_Str("ab"))
    vals.append(W_Bool(1))
    vals.append(objects.W_Int(10))
    vals.append(W_Object())
    for v in vals:
        print(v.type_name(), v.to_str(), isinstance(v, W_Int), isinstance(v, objects.W_Int), isinstance(v, W_Str))
    pairs = [(0, 1), (1, 2), (3, 3), (3, 4), (4, 5), (2, 3), (6, 0)]
    for i, j in pairs:
        try:
            print(vals[i].add(vals[j]).to_str())
        except TypeError as e:
            print("TypeError:", str(e))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
