# @export and @export(slack=N) on classes and functions: no visible effect on behaviour.
from seam import export, final


@export
class W_Root:
    def repr(self) -> str:
        return "<object>"

    def truthy(self) -> bool:
        return True


@export(slack=4)
class W_Int(W_Root):
    value: int

    def __init__(self, value: int) -> None:
        self.value = value

    def repr(self) -> str:
        return str(self.value)

    def truthy(self) -> bool:
        return self.value != 0


@export(slack=0)
class W_Str(W_Root):
    s: str

    def __init__(self, s: str) -> None:
        self.s = s

    def repr(self) -> str:
        return repr(self.s)

    def truthy(self) -> bool:
        return len(self.s) > 0


@export
@final
class W_None(W_Root):
    def repr(self) -> str:
        return "None"

    def truthy(self) -> bool:
        return False


@export
def wrap_all(values: list[int]) -> list[W_Root]:
    out: list[W_Root] = []
    for v in values:
        out.append(W_Int(v))
    return out


def main(argv: list[str]) -> int:
    objs = wrap_all([0, 1, 42])
    objs.append(W_Str(""))
    objs.append(W_Str("it's"))
    objs.append(W_None())
    objs.append(W_Root())
    for o in objs:
        print(o.repr(), o.truthy())
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
