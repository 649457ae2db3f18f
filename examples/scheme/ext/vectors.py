# Scheme vectors, compiled separately from the interpreter core: a value type
# of its own (a subclass of the core's W_Object with its own printing and
# `equal?`), its procedures registered as plain functions, and index errors
# raised as a subclass of the core's SchemeError.
#
#   seam build-ext ext/vectors.py --exports scheme.exports -o ext/vectors.so
#
# and `(load-extension "ext/vectors")` in a program.
from objects import (
    SchemeError,
    Space,
    W_Int,
    W_Object,
    list_to_scheme,
    make_int,
    scheme_to_list,
    unspecified,
    w_bool,
    wrong_type,
)


class W_Vector(W_Object):
    items: list[W_Object]

    def __init__(self, items: list[W_Object]) -> None:
        self.items = items

    def write(self) -> str:
        return "#(" + " ".join([x.write() for x in self.items]) + ")"

    def display(self) -> str:
        return "#(" + " ".join([x.display() for x in self.items]) + ")"

    def equal(self, other: W_Object) -> bool:
        if not isinstance(other, W_Vector) or len(other.items) != len(self.items):
            return False
        for i in range(len(self.items)):
            if not self.items[i].equal(other.items[i]):
                return False
        return True

    def hash_value(self) -> int:
        return len(self.items) * 7 + 5

    def type_name(self) -> str:
        return "vector"


class VectorIndexError(SchemeError):
    pass


# The unspecified value, fetched once (vector-set! returns it).
UNSPECIFIED: list[W_Object] = [unspecified()]


def vector(x: W_Object, who: str) -> W_Vector:
    if isinstance(x, W_Vector):
        return x
    raise wrong_type(who, "vector", x)


def index(v: W_Vector, x: W_Object, who: str) -> int:
    if not isinstance(x, W_Int):
        raise wrong_type(who, "exact integer", x)
    if x.value < 0 or x.value >= len(v.items):
        raise VectorIndexError(who + ": Argument 2 out of range:", [x])
    return x.value


def b_make_vector(args: list[W_Object]) -> W_Object:
    n = args[0]
    if not isinstance(n, W_Int) or n.value < 0:
        raise wrong_type("make-vector", "non-negative exact integer", n)
    fill = args[1] if len(args) > 1 else unspecified()
    return W_Vector([fill] * n.value)


def b_vector(args: list[W_Object]) -> W_Object:
    return W_Vector(list(args))


def b_vector_ref(vec: W_Object, i: W_Object) -> W_Object:
    if isinstance(vec, W_Vector) and isinstance(i, W_Int):
        items = vec.items
        k = i.value
        if 0 <= k < len(items):
            return items[k]
    v = vector(vec, "vector-ref")
    return v.items[index(v, i, "vector-ref")]


def b_vector_set(vec: W_Object, i: W_Object, x: W_Object) -> W_Object:
    v = vector(vec, "vector-set!")
    v.items[index(v, i, "vector-set!")] = x
    return UNSPECIFIED[0]


def b_vector_length(vec: W_Object) -> W_Object:
    return make_int(len(vector(vec, "vector-length").items))


def b_vector_to_list(args: list[W_Object]) -> W_Object:
    return list_to_scheme(vector(args[0], "vector->list").items)


def b_list_to_vector(args: list[W_Object]) -> W_Object:
    return W_Vector(scheme_to_list(args[0], "list->vector"))


def b_vector_fill(args: list[W_Object]) -> W_Object:
    v = vector(args[0], "vector-fill!")
    for i in range(len(v.items)):
        v.items[i] = args[1]
    return unspecified()


def b_vector_p(x: W_Object) -> W_Object:
    return w_bool(isinstance(x, W_Vector))


def init_module(space: Space) -> None:
    space.register("make-vector", 1, 2, b_make_vector)
    space.register("vector", 0, -1, b_vector)
    space.register2("vector-ref", b_vector_ref)
    space.register3("vector-set!", b_vector_set)
    space.register1("vector-length", b_vector_length)
    space.register("vector->list", 1, 1, b_vector_to_list)
    space.register("list->vector", 1, 1, b_list_to_vector)
    space.register("vector-fill!", 2, 2, b_vector_fill)
    space.register1("vector?", b_vector_p)
