# Exceptions both ways: the extension raises core exception classes and
# builtins, the core catches them (through virtual calls on extension objects);
# core functions raise, the extension catches, re-raises and runs finally.
from seam import export, load_extension


@export
class InterpError(Exception):
    code: int

    def __init__(self, msg: str, code: int) -> None:
        super().__init__(msg)
        self.code = code


@export
class TypeMismatch(InterpError):
    expected: str

    def __init__(self, expected: str) -> None:
        super().__init__("expected " + expected, 2)
        self.expected = expected


@export
class Op:
    def run(self, x: int) -> int:
        return x


@export
class Ops:
    ops: list[Op]

    def __init__(self) -> None:
        self.ops = []


@export
def strict(x: int) -> int:
    if x < 0:
        raise InterpError("negative " + str(x), x)
    if x == 0:
        raise TypeMismatch("nonzero")
    if x > 100:
        raise ValueError("too big: " + str(x))
    return x * 2


@export
def never_raises(x: int) -> int:
    return x + 1


def main(argv: list[str]) -> int:
    ops = Ops()
    load_extension("ext", ops)
    for op in ops.ops:
        for x in [3, -4, 0, 200, 7]:
            try:
                print("  ok", op.run(x))
            except TypeMismatch as e:
                print("  core caught TypeMismatch:", e, e.code, e.expected)
            except InterpError as e:
                print("  core caught InterpError:", e, e.code)
            except (KeyError, IndexError) as e:
                print("  core caught lookup error:", e)
            except Exception as e:
                print("  core caught Exception:", e)
            finally:
                pass
    return 0
