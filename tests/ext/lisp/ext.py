# Builtins compiled separately from the core: plain functions registered as
# Callables, a value type of its own (strings) with dunder methods the core's
# printing and equality use, and errors raised as the core's LispError.
from main import LispError, Space, W_Int, W_Nil, W_Object, W_Pair, W_Symbol


class W_Str(W_Object):
    value: str

    def __init__(self, value: str) -> None:
        self.value = value

    def __str__(self) -> str:
        return '"' + self.value + '"'

    def __eq__(self, other: object) -> bool:
        return isinstance(other, W_Str) and self.value == other.value

    def __hash__(self) -> int:
        return hash(self.value)


def b_length(args: list[W_Object]) -> W_Object:
    n = 0
    cur = args[0]
    while isinstance(cur, W_Pair):
        n += 1
        cur = cur.cdr
    if not isinstance(cur, W_Nil):
        raise LispError("length: not a list: " + str(args[0]))
    return W_Int(n)


def b_symbol_to_string(args: list[W_Object]) -> W_Object:
    sym = args[0]
    if not isinstance(sym, W_Symbol):
        raise LispError("symbol->string: not a symbol: " + str(sym))
    return W_Str(sym.name)


def b_string_append(args: list[W_Object]) -> W_Object:
    out = ""
    for a in args:
        if not isinstance(a, W_Str):
            raise LispError("string-append: not a string: " + str(a))
        out += a.value
    return W_Str(out)


def init_module(space: Space) -> None:
    space.register("length", b_length)
    space.register("symbol->string", b_symbol_to_string)
    space.register("string-append", b_string_append)
