# A core with an exported interface: functions, a class hierarchy, a global.
# core_internal/main.py has the same interface and different private code:
# both must have the same exports fingerprint.
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
    if b == 0:
        raise OperationError("division by zero", 7)
    return a // b


@export
def total(d: dict[str, float], pair: tuple[int, str]) -> float:
    s = 0.0
    for k in d:
        s = s + d[k]
    return s + float(pair[0])


def helper(x: int) -> int:
    return x + 1


def main(argv: list[str]) -> int:
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
