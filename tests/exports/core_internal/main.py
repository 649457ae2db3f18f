# core/main.py with private changes only: a new private function and class,
# exported functions' bodies rewritten (same signatures, same can-raise).
# Its exports fingerprint must equal core/main.py's.
from seam import Exported, export, final


class Base:
    """Not exported, but described: an exported class derives from it."""

    def size(self) -> int:
        return 0


@export
class W_Root(Base):
    def repr(self) -> str:
        return "<object>"


@export(slack=4)
class W_Int(W_Root):
    value: int

    def __init__(self, value: int) -> None:
        self.value = value

    def repr(self) -> str:
        return str(self.value)

    @final
    def get(self) -> int:
        return self.value


@export
@final
class W_List(W_Root):
    items: list[W_Root]
    name: str | None

    def __init__(self, items: list[W_Root]) -> None:
        self.items = items
        self.name = None

    def size(self) -> int:
        return len(self.items)


@export
class OperationError(Exception):
    code: int

    def __init__(self, msg: str, code: int) -> None:
        super().__init__(msg)
        self.code = code


COUNTER: Exported[int] = 0


@export
def wrap(values: list[int]) -> W_List:
    items: list[W_Root] = []
    for v in values:
        items.append(W_Int(v))
    return W_List(items)


@export
def checked_div(a: int, b: int) -> int:
    if b != 0:
        return quotient(a, b)
    raise OperationError("division by zero", 7)


def quotient(a: int, b: int) -> int:
    q = 0
    sign = 1
    if (a < 0) != (b < 0):
        sign = -1
    a = abs(a)
    b = abs(b)
    while a >= b:
        a = a - b
        q = q + 1
    if sign < 0 and a != 0:
        q = q + 1
    return sign * q


@export
def total(d: dict[str, float], pair: tuple[int, str]) -> float:
    s = float(pair[0])
    for k in sorted(list(d.keys())):
        s += d[k]
    return s


def helper(x: int) -> int:
    return x + 1


class Private:
    hits: int

    def __init__(self) -> None:
        self.hits = 0


def main(argv: list[str]) -> int:
    p = Private()
    p.hits = quotient(7, 2)
    global COUNTER
    COUNTER = helper(COUNTER)
    w = wrap([1, 2, 3])
    print(w.size(), w.repr(), COUNTER)
    try:
        checked_div(1, 0)
    except OperationError as e:
        print(str(e), e.code)
    print(total({"a": 1.5}, (2, "x")))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
