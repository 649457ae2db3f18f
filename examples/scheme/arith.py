# Generic arithmetic shared by the builtins and the evaluator's inlined
# primitives: fixnums first, floats, then the number hook (HOOKS.md) for
# overflow and for exact numbers that are not fixnums.
from objects import (
    NumberHook,
    W_Float,
    W_Int,
    W_Number,
    W_Object,
    make_int,
    number_hook,
    wrong_type,
)


def num(x: W_Object, who: str) -> W_Number:
    if isinstance(x, W_Number):
        return x
    raise wrong_type(who, "number", x)


def exact_int(x: W_Object, who: str) -> int:
    if isinstance(x, W_Int):
        return x.value
    raise wrong_type(who, "exact integer", x)


def either_float(a: W_Number, b: W_Number) -> bool:
    return isinstance(a, W_Float) or isinstance(b, W_Float)


def hook() -> NumberHook:
    return number_hook()


def add2(a: W_Object, b: W_Object) -> W_Object:
    if isinstance(a, W_Int) and isinstance(b, W_Int):
        try:
            return make_int(a.value + b.value)
        except OverflowError:
            return hook().add(a, b)
    na = num(a, "+")
    nb = num(b, "+")
    if either_float(na, nb):
        return W_Float(na.to_float() + nb.to_float())
    return hook().add(na, nb)


def sub2(a: W_Object, b: W_Object) -> W_Object:
    if isinstance(a, W_Int) and isinstance(b, W_Int):
        try:
            return make_int(a.value - b.value)
        except OverflowError:
            return hook().sub(a, b)
    na = num(a, "-")
    nb = num(b, "-")
    if either_float(na, nb):
        return W_Float(na.to_float() - nb.to_float())
    return hook().sub(na, nb)


def mul2(a: W_Object, b: W_Object) -> W_Object:
    if isinstance(a, W_Int) and isinstance(b, W_Int):
        try:
            return make_int(a.value * b.value)
        except OverflowError:
            return hook().mul(a, b)
    na = num(a, "*")
    nb = num(b, "*")
    if either_float(na, nb):
        return W_Float(na.to_float() * nb.to_float())
    return hook().mul(na, nb)


UNORDERED = 2


def compare(a: W_Object, b: W_Object, who: str) -> int:
    # -1, 0 or 1; UNORDERED when a NaN is involved.
    if isinstance(a, W_Int) and isinstance(b, W_Int):
        if a.value < b.value:
            return -1
        return 1 if a.value > b.value else 0
    na = num(a, who)
    nb = num(b, who)
    if either_float(na, nb):
        x = na.to_float()
        y = nb.to_float()
        if x < y:
            return -1
        if x > y:
            return 1
        return 0 if x == y else UNORDERED
    return hook().compare(na, nb)
