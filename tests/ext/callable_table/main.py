# Functions as values across the seam: an extension registers its own functions
# (and bound methods of its own subclasses) in a core dict of Callables, sets a
# core Callable field and an exported Callable global; the core calls them. The
# core hands its functions and bound methods to the extension, which calls them.
from typing import Callable, Optional

from seam import Exported, export, load_extension


@export
class W_Object:
    def show(self) -> str:
        return "?"


@export
class W_Int(W_Object):
    value: int

    def __init__(self, value: int) -> None:
        self.value = value

    def show(self) -> str:
        return str(self.value)


@export
class Scaler:
    factor: int

    def __init__(self, factor: int) -> None:
        self.factor = factor

    def scale(self, w: W_Object) -> W_Object:
        if isinstance(w, W_Int):
            return W_Int(w.value * self.factor)
        raise ValueError("cannot scale " + w.show())

    def scale_all(self, args: list[W_Object]) -> W_Object:
        total = 0
        for a in args:
            if isinstance(a, W_Int):
                total += a.value
        return W_Int(total * self.factor)


@export
class Space:
    builtins: dict[str, Callable[[list[W_Object]], W_Object]]
    on_load: Optional[Callable[[str], None]]
    core_scale: Callable[[W_Object], W_Object]

    def __init__(self) -> None:
        self.builtins = {}
        self.on_load = None
        self.core_scale = Scaler(10).scale


def negate(x: int) -> int:
    return -x


HOOK: Exported[Callable[[int], int]] = negate


@export
def core_sum(args: list[W_Object]) -> W_Object:
    total = 0
    for a in args:
        if isinstance(a, W_Int):
            total += a.value
    return W_Int(total)


@export
def apply_twice(f: Callable[[int], int], x: int) -> int:
    return f(f(x))


@export
def core_adder(n: int) -> Callable[[list[W_Object]], W_Object]:
    if n == 0:
        return core_sum
    return Scaler(n).scale_all


def call(space: Space, name: str, args: list[W_Object]) -> str:
    try:
        return space.builtins[name](args).show()
    except ValueError as e:
        return "ValueError: " + str(e)


def main(argv: list[str]) -> int:
    space = Space()
    space.builtins["sum"] = core_sum
    load_extension("ext", space)
    hook = space.on_load
    if hook is not None:
        hook("ext")
    names = sorted(space.builtins.keys())
    for name in names:
        print(name, call(space, name, [W_Int(3), W_Int(4)]))
    print(call(space, "scale3", [W_Int(2), W_Object()]))
    print(HOOK(5), apply_twice(HOOK, 7))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
