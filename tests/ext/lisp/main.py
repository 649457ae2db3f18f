# A small Lisp written the way an interpreter author would write it on Seam: values
# are a class hierarchy with dunder methods (printing, equality, hashing: symbols are
# interned and key the environments' dicts), builtins are plain functions registered
# in a dict of Callables, errors are a custom exception class, and the program is
# read from a file. The extension (ext.py) adds builtins of its own, compiled
# separately, and a value type subclassing W_Object.
from typing import Callable

from seam import export, load_extension


@export
class W_Object:
    def __str__(self) -> str:
        return "<object>"

    def truthy(self) -> bool:
        return True


@export
class W_Int(W_Object):
    value: int

    def __init__(self, value: int) -> None:
        self.value = value

    def __str__(self) -> str:
        return str(self.value)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, W_Int) and self.value == other.value

    def __hash__(self) -> int:
        return hash(self.value)


@export
class W_Bool(W_Object):
    value: bool

    def __init__(self, value: bool) -> None:
        self.value = value

    def __str__(self) -> str:
        return "#t" if self.value else "#f"

    def truthy(self) -> bool:
        return self.value


@export
class W_Symbol(W_Object):
    name: str

    def __init__(self, name: str) -> None:
        self.name = name

    def __str__(self) -> str:
        return self.name

    def __eq__(self, other: object) -> bool:
        return isinstance(other, W_Symbol) and self.name == other.name

    def __hash__(self) -> int:
        return hash(self.name)


@export
class W_Nil(W_Object):
    def __str__(self) -> str:
        return "()"


@export
class W_Pair(W_Object):
    car: W_Object
    cdr: W_Object

    def __init__(self, car: W_Object, cdr: W_Object) -> None:
        self.car = car
        self.cdr = cdr

    def __str__(self) -> str:
        parts: list[str] = []
        cur: W_Object = self
        while isinstance(cur, W_Pair):
            parts.append(str(cur.car))
            cur = cur.cdr
        tail = "" if isinstance(cur, W_Nil) else " . " + str(cur)
        return "(" + " ".join(parts) + tail + ")"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, W_Pair) and self.car == other.car and self.cdr == other.cdr


@export
class W_Builtin(W_Object):
    name: str
    fn: Callable[[list[W_Object]], W_Object]

    def __init__(self, name: str, fn: Callable[[list[W_Object]], W_Object]) -> None:
        self.name = name
        self.fn = fn

    def __str__(self) -> str:
        return "#<builtin " + self.name + ">"


class W_Lambda(W_Object):
    params: list[W_Symbol]
    body: W_Object
    env: "Env"

    def __init__(self, params: list[W_Symbol], body: W_Object, env: "Env") -> None:
        self.params = params
        self.body = body
        self.env = env

    def __str__(self) -> str:
        return "#<lambda/" + str(len(self.params)) + ">"


@export
class LispError(Exception):
    # Deliberately no super().__init__: the message comes from the constructor's arguments.
    what: str

    def __init__(self, what: str) -> None:
        self.what = what


NIL: W_Object = W_Nil()
TRUE: W_Object = W_Bool(True)
FALSE: W_Object = W_Bool(False)


@export
class Env:
    vars: dict[W_Symbol, W_Object]
    parent: "Env | None"

    def __init__(self, parent: "Env | None") -> None:
        self.vars = {}
        self.parent = parent

    def lookup(self, sym: W_Symbol) -> W_Object:
        env: Env | None = self
        while env is not None:
            found = env.vars.get(sym)
            if found is not None:
                return found
            env = env.parent
        raise LispError("unbound symbol: " + sym.name)


@export
class Space:
    globals: Env
    symbols: dict[str, W_Symbol]

    def __init__(self) -> None:
        self.globals = Env(None)
        self.symbols = {}

    def intern(self, name: str) -> W_Symbol:
        sym = self.symbols.get(name)
        if sym is None:
            sym = W_Symbol(name)
            self.symbols[name] = sym
        return sym

    def register(self, name: str, fn: Callable[[list[W_Object]], W_Object]) -> None:
        self.globals.vars[self.intern(name)] = W_Builtin(name, fn)


def tokenize(src: str) -> list[str]:
    tokens: list[str] = []
    for line in src.splitlines():
        code = line.split(";")[0]
        tokens.extend(code.replace("(", " ( ").replace(")", " ) ").replace("'", " ' ").split())
    return tokens


def read(space: Space, tokens: list[str], pos: int) -> tuple[W_Object, int]:
    if pos >= len(tokens):
        raise LispError("unexpected end of input")
    tok = tokens[pos]
    if tok == "(":
        items: list[W_Object] = []
        pos += 1
        while pos < len(tokens) and tokens[pos] != ")":
            item, pos = read(space, tokens, pos)
            items.append(item)
        if pos >= len(tokens):
            raise LispError("missing )")
        result: W_Object = NIL
        for item in reversed(items):
            result = W_Pair(item, result)
        return result, pos + 1
    if tok == ")":
        raise LispError("unexpected )")
    if tok == "'":
        quoted, pos = read(space, tokens, pos + 1)
        return W_Pair(space.intern("quote"), W_Pair(quoted, NIL)), pos
    if tok.lstrip("-").isdigit() and tok != "-":
        return W_Int(int(tok)), pos + 1
    if tok == "#t" or tok == "#f":
        return (TRUE if tok == "#t" else FALSE), pos + 1
    return space.intern(tok), pos + 1


def to_list(obj: W_Object) -> list[W_Object]:
    out: list[W_Object] = []
    while isinstance(obj, W_Pair):
        out.append(obj.car)
        obj = obj.cdr
    return out


def evaluate(space: Space, expr: W_Object, env: Env) -> W_Object:
    while True:
        if isinstance(expr, W_Symbol):
            return env.lookup(expr)
        if not isinstance(expr, W_Pair):
            return expr
        head = expr.car
        args = to_list(expr.cdr)
        if isinstance(head, W_Symbol) and head == space.intern("quote"):
            return args[0]
        if isinstance(head, W_Symbol) and head == space.intern("if"):
            branch = 1 if evaluate(space, args[0], env).truthy() else 2
            if branch >= len(args):
                return NIL
            expr = args[branch]
            continue
        if isinstance(head, W_Symbol) and head == space.intern("define"):
            target = args[0]
            if isinstance(target, W_Pair) and isinstance(target.car, W_Symbol):
                params = [p for p in to_list(target.cdr) if isinstance(p, W_Symbol)]
                env.vars[target.car] = W_Lambda(params, args[1], env)
                return target.car
            if not isinstance(target, W_Symbol):
                raise LispError("define needs a symbol, got " + str(target))
            env.vars[target] = evaluate(space, args[1], env)
            return target
        if isinstance(head, W_Symbol) and head == space.intern("lambda"):
            params = [p for p in to_list(args[0]) if isinstance(p, W_Symbol)]
            return W_Lambda(params, args[1], env)
        fn = evaluate(space, head, env)
        values = [evaluate(space, a, env) for a in args]
        if isinstance(fn, W_Builtin):
            return fn.fn(values)
        if isinstance(fn, W_Lambda):
            if len(values) != len(fn.params):
                raise LispError(f"{fn} expects {len(fn.params)} arguments, got {len(values)}")
            frame = Env(fn.env)
            for p, v in zip(fn.params, values):
                frame.vars[p] = v
            expr = fn.body
            env = frame
            continue
        raise LispError("not a function: " + str(fn))


def ints(args: list[W_Object], name: str) -> list[int]:
    out: list[int] = []
    for a in args:
        if not isinstance(a, W_Int):
            raise LispError(name + ": not a number: " + str(a))
        out.append(a.value)
    return out


def b_add(args: list[W_Object]) -> W_Object:
    return W_Int(sum(ints(args, "+")))


def b_sub(args: list[W_Object]) -> W_Object:
    xs = ints(args, "-")
    if len(xs) == 1:
        return W_Int(-xs[0])
    return W_Int(xs[0] - sum(xs[1:]))


def b_mul(args: list[W_Object]) -> W_Object:
    r = 1
    for x in ints(args, "*"):
        r *= x
    return W_Int(r)


def b_lt(args: list[W_Object]) -> W_Object:
    xs = ints(args, "<")
    return TRUE if all(a < b for a, b in zip(xs, xs[1:])) else FALSE


def b_eq(args: list[W_Object]) -> W_Object:
    return TRUE if args[0] == args[1] else FALSE


def b_cons(args: list[W_Object]) -> W_Object:
    return W_Pair(args[0], args[1])


def b_car(args: list[W_Object]) -> W_Object:
    p = args[0]
    if not isinstance(p, W_Pair):
        raise LispError("car: not a pair: " + str(p))
    return p.car


def b_cdr(args: list[W_Object]) -> W_Object:
    p = args[0]
    if not isinstance(p, W_Pair):
        raise LispError("cdr: not a pair: " + str(p))
    return p.cdr


def b_list(args: list[W_Object]) -> W_Object:
    result: W_Object = NIL
    for item in reversed(args):
        result = W_Pair(item, result)
    return result


def make_space() -> Space:
    space = Space()
    builtins: dict[str, Callable[[list[W_Object]], W_Object]] = {
        "+": b_add,
        "-": b_sub,
        "*": b_mul,
        "<": b_lt,
        "=": b_eq,
        "cons": b_cons,
        "car": b_car,
        "cdr": b_cdr,
        "list": b_list,
    }
    for name, fn in builtins.items():
        space.register(name, fn)
    return space


def run(space: Space, src: str) -> None:
    tokens = tokenize(src)
    pos = 0
    while pos < len(tokens):
        expr, pos = read(space, tokens, pos)
        try:
            print(evaluate(space, expr, space.globals))
        except LispError as e:
            print("error:", e)


def main(argv: list[str]) -> int:
    space = make_space()
    load_extension("ext", space)
    counts: dict[W_Object, int] = {}
    for name in ["a", "b", "a"]:
        sym = space.intern(name)
        counts[sym] = counts.get(sym, 0) + 1
    print({str(k): v for k, v in counts.items()}, W_Int(3) == W_Int(3), W_Int(3) != W_Int(4))
    with open(argv[1]) as f:
        src = f.read()
    run(space, src)
    # A reader error is not caught by `run`: it escapes main, and the traceback's
    # last line is the exception's class and message.
    run(space, "(+ 1 (* 2 3)")
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
