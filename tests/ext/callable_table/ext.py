from typing import Callable

import main
from main import W_Int, W_Object, Scaler, Space, apply_twice, core_adder, core_sum


class Tripler(Scaler):
    def scale(self, w: W_Object) -> W_Object:
        if isinstance(w, W_Int):
            return W_Int(w.value * self.factor * 3)
        raise ValueError("tripler cannot scale " + w.show())


def ext_max(args: list[W_Object]) -> W_Object:
    best = 0
    for a in args:
        if isinstance(a, W_Int) and a.value > best:
            best = a.value
    return W_Int(best)


def ext_scale3(args: list[W_Object]) -> W_Object:
    f = Tripler(3).scale
    out = 0
    for a in args:
        w = f(a)
        if isinstance(w, W_Int):
            out += w.value
    return W_Int(out)


def loaded(name: str) -> None:
    print("loaded", name)


def square(x: int) -> int:
    return x * x


def first_scaled(f: Callable[[W_Object], W_Object]) -> Callable[[list[W_Object]], W_Object]:
    t = Tripler(1)
    return t.scale_all


def init_module(space: Space) -> None:
    space.builtins["max"] = ext_max
    space.builtins["scale3"] = ext_scale3
    # A core function as a value, made in the extension.
    space.builtins["core_sum"] = core_sum
    space.builtins["core_scale_all"] = main.Scaler(5).scale_all
    space.builtins["core_adder0"] = core_adder(0)
    space.builtins["core_adder2"] = core_adder(2)
    space.builtins["scale_all"] = first_scaled(space.core_scale)
    t = Tripler(1)
    single: Callable[[W_Object], W_Object] = t.scale

    space.on_load = loaded
    print("ext sees", space.core_scale(W_Int(4)).show(), single(W_Int(4)).show())
    print("ext calls core", space.builtins["sum"]([W_Int(1), W_Int(2)]).show())
    print("ext apply_twice", apply_twice(square, 3))
    main.HOOK = square
