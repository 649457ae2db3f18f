# The evaluator: s-expressions are compiled once into trees of Node objects
# with a virtual `eval`, variables resolved at compile time to a frame slot
# (depth, index) or a global cell.  A procedure call allocates one frame, a
# list of slots holding its parameters and every variable its body binds with
# let, let*, letrec, named let or an internal define (without call/cc a body
# runs at most once per call, so they can share the frame).
#
# Proper tail calls: `step` is `eval` in tail position.  A call in tail
# position to a closure does not recurse: it stores the closure's body and new
# frame in TAIL and returns None, and `execute`, the trampoline, loops.
from typing import Callable

from seam import export

from objects import (
    NIL,
    FALSE,
    TRUE,
    UNSPECIFIED,
    Cell,
    SchemeError,
    Space,
    W_Builtin,
    W_Char,
    W_Int,
    W_Object,
    W_Pair,
    W_Procedure,
    W_Symbol,
    scheme_to_list,
    wrong_type,
)
from arith import UNORDERED, add2, compare, mul2, sub2


class Frame:
    vals: list[W_Object]
    parent: "Frame | None"

    def __init__(self, vals: list[W_Object], parent: "Frame | None") -> None:
        self.vals = vals
        self.parent = parent


class Node:
    def eval(self, f: Frame) -> W_Object:
        return execute(self, f)

    def step(self, f: Frame) -> W_Object | None:
        return self.eval(f)


class TailState:
    node: Node
    frame: Frame

    def __init__(self) -> None:
        self.node = Node()
        self.frame = Frame([], None)


TAIL: TailState = TailState()


def execute(node: Node, f: Frame) -> W_Object:
    result = node.step(f)
    while result is None:
        result = TAIL.node.step(TAIL.frame)
    return result


class Const(Node):
    value: W_Object

    def __init__(self, value: W_Object) -> None:
        self.value = value

    def eval(self, f: Frame) -> W_Object:
        return self.value


class LocalRef(Node):
    index: int

    def __init__(self, index: int) -> None:
        self.index = index

    def eval(self, f: Frame) -> W_Object:
        return f.vals[self.index]


class DeepRef(Node):
    depth: int
    index: int

    def __init__(self, depth: int, index: int) -> None:
        self.depth = depth
        self.index = index

    def eval(self, f: Frame) -> W_Object:
        frame = f
        for _ in range(self.depth):
            parent = frame.parent
            assert parent is not None
            frame = parent
        return frame.vals[self.index]


class GlobalRef(Node):
    cell: Cell
    sym: W_Symbol

    def __init__(self, cell: Cell, sym: W_Symbol) -> None:
        self.cell = cell
        self.sym = sym

    def eval(self, f: Frame) -> W_Object:
        value = self.cell.value
        if value is None:
            raise SchemeError("Unbound variable:", [self.sym])
        return value


class LocalSet(Node):
    depth: int
    index: int
    value: Node

    def __init__(self, depth: int, index: int, value: Node) -> None:
        self.depth = depth
        self.index = index
        self.value = value

    def eval(self, f: Frame) -> W_Object:
        v = self.value.eval(f)
        frame = f
        for _ in range(self.depth):
            parent = frame.parent
            assert parent is not None
            frame = parent
        frame.vals[self.index] = v
        return UNSPECIFIED


class GlobalSet(Node):
    cell: Cell
    sym: W_Symbol
    value: Node
    define: bool

    def __init__(self, cell: Cell, sym: W_Symbol, value: Node, define: bool) -> None:
        self.cell = cell
        self.sym = sym
        self.value = value
        self.define = define

    def eval(self, f: Frame) -> W_Object:
        v = self.value.eval(f)
        if not self.define and self.cell.value is None:
            raise SchemeError("Unbound variable:", [self.sym])
        if isinstance(v, W_Closure) and v.name == "":
            v.name = self.sym.name
        self.cell.value = v
        return UNSPECIFIED


class If(Node):
    test: Node
    then: Node
    orelse: Node

    def __init__(self, test: Node, then: Node, orelse: Node) -> None:
        self.test = test
        self.then = then
        self.orelse = orelse

    def eval(self, f: Frame) -> W_Object:
        if self.test.eval(f) is not FALSE:
            return self.then.eval(f)
        return self.orelse.eval(f)

    def step(self, f: Frame) -> W_Object | None:
        if self.test.eval(f) is not FALSE:
            return self.then.step(f)
        return self.orelse.step(f)


class Seq(Node):
    body: list[Node]
    last: Node

    def __init__(self, body: list[Node], last: Node) -> None:
        self.body = body
        self.last = last

    def eval(self, f: Frame) -> W_Object:
        for node in self.body:
            node.eval(f)
        return self.last.eval(f)

    def step(self, f: Frame) -> W_Object | None:
        for node in self.body:
            node.eval(f)
        return self.last.step(f)


class And(Node):
    body: list[Node]
    last: Node

    def __init__(self, body: list[Node], last: Node) -> None:
        self.body = body
        self.last = last

    def eval(self, f: Frame) -> W_Object:
        for node in self.body:
            if node.eval(f) is FALSE:
                return FALSE
        return self.last.eval(f)

    def step(self, f: Frame) -> W_Object | None:
        for node in self.body:
            if node.eval(f) is FALSE:
                return FALSE
        return self.last.step(f)


class Or(Node):
    body: list[Node]
    last: Node

    def __init__(self, body: list[Node], last: Node) -> None:
        self.body = body
        self.last = last

    def eval(self, f: Frame) -> W_Object:
        for node in self.body:
            v = node.eval(f)
            if v is not FALSE:
                return v
        return self.last.eval(f)

    def step(self, f: Frame) -> W_Object | None:
        for node in self.body:
            v = node.eval(f)
            if v is not FALSE:
                return v
        return self.last.step(f)


class Lambda(Node):
    nparams: int
    rest: bool
    frame_size: int
    body: Node
    name: str
    # Whether a lambda inside the body captures this procedure's frames; when
    # none does, a self tail call reuses the caller's frame.
    captures: bool

    def __init__(self, nparams: int, rest: bool, name: str) -> None:
        self.nparams = nparams
        self.rest = rest
        self.frame_size = 0
        self.body = Const(UNSPECIFIED)
        self.name = name
        self.captures = False

    def eval(self, f: Frame) -> W_Object:
        return W_Closure(self, f)


class W_Closure(W_Procedure):
    lam: Lambda
    env: Frame

    def __init__(self, lam: Lambda, env: Frame) -> None:
        super().__init__(lam.name)
        self.lam = lam
        self.env = env

    def write(self) -> str:
        if self.name == "":
            return "#<procedure>"
        return "#<procedure " + self.name + ">"


def arity_error(fn: W_Procedure) -> SchemeError:
    return SchemeError("Wrong number of arguments to", [fn])


def not_applicable(fn: W_Object) -> SchemeError:
    return SchemeError("Wrong type to apply:", [fn])


def bind_args(fn: W_Closure, args: list[W_Object]) -> Frame:
    # A closure's frame from an argument list (apply, map, and builtins
    # calling back into Scheme).
    lam = fn.lam
    n = len(args)
    vals = [UNSPECIFIED] * lam.frame_size
    if lam.rest:
        if n < lam.nparams:
            raise arity_error(fn)
        rest = NIL
        i = n - 1
        while i >= lam.nparams:
            rest = W_Pair(args[i], rest)
            i -= 1
        vals[lam.nparams] = rest
    elif n != lam.nparams:
        raise arity_error(fn)
    for i in range(lam.nparams):
        vals[i] = args[i]
    return Frame(vals, fn.env)


@export
def call_procedure(fn: W_Object, args: list[W_Object]) -> W_Object:
    if isinstance(fn, W_Builtin):
        fn.check_arity(len(args))
        return fn.fn(args)
    if isinstance(fn, W_Closure):
        return execute(fn.lam.body, bind_args(fn, args))
    raise not_applicable(fn)


class ApplyHolder:
    # The `apply` builtin, which a call in tail position runs as a tail call.
    builtin: W_Object

    def __init__(self) -> None:
        self.builtin = NIL


APPLY: ApplyHolder = ApplyHolder()


def spread_args(args: list[W_Object]) -> list[W_Object]:
    # (apply f a b '(c d)) calls f with a b c d.
    out: list[W_Object] = []
    for i in range(1, len(args) - 1):
        out.append(args[i])
    out.extend(scheme_to_list(args[-1], "apply"))
    return out


class Call(Node):
    fn: Node
    args: list[Node]
    # The procedure whose body holds this call (its frame is the one `step`
    # receives), or None.
    owner: Lambda | None

    def __init__(self, fn: Node, args: list[Node]) -> None:
        self.fn = fn
        self.args = args
        self.owner = None

    def rebind(self, fn: W_Closure, f: Frame) -> None:
        # A tail call of the procedure that owns frame `f`, which nothing
        # captured: the arguments overwrite the parameters in place.
        args = self.args
        n = len(args)
        vals = f.vals
        if n == 1:
            vals[0] = args[0].eval(f)
        elif n == 2:
            x = args[0].eval(f)
            vals[1] = args[1].eval(f)
            vals[0] = x
        elif n == 3:
            x = args[0].eval(f)
            y = args[1].eval(f)
            vals[2] = args[2].eval(f)
            vals[0] = x
            vals[1] = y
        elif n > 0:
            tmp = self.eval_args(f)
            for i in range(n):
                vals[i] = tmp[i]
        f.parent = fn.env
        TAIL.frame = f

    def eval_args(self, f: Frame) -> list[W_Object]:
        return [a.eval(f) for a in self.args]

    def closure_frame(self, fn: W_Closure, f: Frame) -> Frame:
        lam = fn.lam
        args = self.args
        n = len(args)
        if lam.rest or n != lam.nparams:
            return bind_args(fn, self.eval_args(f))
        # A list display allocates the frame's slots at their final size.
        if n == 1:
            vals = [args[0].eval(f)]
        elif n == 2:
            x = args[0].eval(f)
            vals = [x, args[1].eval(f)]
        elif n == 3:
            x = args[0].eval(f)
            y = args[1].eval(f)
            vals = [x, y, args[2].eval(f)]
        else:
            vals = [a.eval(f) for a in args]
        for _ in range(lam.frame_size - n):
            vals.append(UNSPECIFIED)
        return Frame(vals, fn.env)

    def eval(self, f: Frame) -> W_Object:
        fn = self.fn.eval(f)
        if isinstance(fn, W_Closure):
            return execute(fn.lam.body, self.closure_frame(fn, f))
        if isinstance(fn, W_Builtin):
            args = self.eval_args(f)
            fn.check_arity(len(args))
            return fn.fn(args)
        raise not_applicable(fn)

    def step(self, f: Frame) -> W_Object | None:
        fn = self.fn.eval(f)
        if isinstance(fn, W_Closure):
            lam = fn.lam
            if lam is self.owner and not lam.captures and not lam.rest and len(self.args) == lam.nparams:
                self.rebind(fn, f)
            else:
                TAIL.frame = self.closure_frame(fn, f)
            TAIL.node = lam.body
            return None
        if isinstance(fn, W_Builtin):
            args = self.eval_args(f)
            fn.check_arity(len(args))
            if fn is APPLY.builtin:
                target = args[0]
                if isinstance(target, W_Closure):
                    TAIL.frame = bind_args(target, spread_args(args))
                    TAIL.node = target.lam.body
                    return None
            return fn.fn(args)
        raise not_applicable(fn)


# --- Inlined primitives --------------------------------------------------
#
# A call of a core builtin by its global name, with the builtin's usual
# arity, compiles to a node that checks the global still holds that builtin
# (a program may redefine `+`) and then computes directly: no argument list,
# no indirect call.  Otherwise it runs as an ordinary call.


class Prim(Node):
    cell: Cell
    builtin: W_Object
    fallback: Call

    def __init__(self, cell: Cell, builtin: W_Object, fallback: Call) -> None:
        self.cell = cell
        self.builtin = builtin
        self.fallback = fallback


class Prim1(Prim):
    a: Node

    def __init__(self, cell: Cell, builtin: W_Object, fallback: Call, a: Node) -> None:
        super().__init__(cell, builtin, fallback)
        self.a = a

    def compute(self, x: W_Object) -> W_Object:
        return x

    def eval(self, f: Frame) -> W_Object:
        if self.cell.value is self.builtin:
            return self.compute(self.a.eval(f))
        return self.fallback.eval(f)

    def step(self, f: Frame) -> W_Object | None:
        if self.cell.value is self.builtin:
            return self.compute(self.a.eval(f))
        return self.fallback.step(f)


class Prim2(Prim):
    a: Node
    b: Node

    def __init__(self, cell: Cell, builtin: W_Object, fallback: Call, a: Node, b: Node) -> None:
        super().__init__(cell, builtin, fallback)
        self.a = a
        self.b = b

    def compute(self, x: W_Object, y: W_Object) -> W_Object:
        return x

    def eval(self, f: Frame) -> W_Object:
        if self.cell.value is self.builtin:
            x = self.a.eval(f)
            return self.compute(x, self.b.eval(f))
        return self.fallback.eval(f)

    def step(self, f: Frame) -> W_Object | None:
        if self.cell.value is self.builtin:
            x = self.a.eval(f)
            return self.compute(x, self.b.eval(f))
        return self.fallback.step(f)


class PrimAdd(Prim2):
    def compute(self, x: W_Object, y: W_Object) -> W_Object:
        return add2(x, y)


class PrimSub(Prim2):
    def compute(self, x: W_Object, y: W_Object) -> W_Object:
        return sub2(x, y)


class PrimMul(Prim2):
    def compute(self, x: W_Object, y: W_Object) -> W_Object:
        return mul2(x, y)


class PrimCompare(Prim2):
    # = < > <= >=: `want` holds which outcomes of compare() are true.
    lt: bool
    eq: bool
    gt: bool
    who: str

    def __init__(
        self, cell: Cell, builtin: W_Object, fallback: Call, a: Node, b: Node, who: str
    ) -> None:
        super().__init__(cell, builtin, fallback, a, b)
        self.lt = who == "<" or who == "<="
        self.eq = who == "=" or who == "<=" or who == ">="
        self.gt = who == ">" or who == ">="
        self.who = who

    def compute(self, x: W_Object, y: W_Object) -> W_Object:
        if isinstance(x, W_Int) and isinstance(y, W_Int):
            a = x.value
            b = y.value
            if a < b:
                return TRUE if self.lt else FALSE
            if a > b:
                return TRUE if self.gt else FALSE
            return TRUE if self.eq else FALSE
        c = compare(x, y, self.who)
        if c == UNORDERED:
            return FALSE
        ok = self.lt if c < 0 else self.gt if c > 0 else self.eq
        return TRUE if ok else FALSE


class PrimEq(Prim2):
    def compute(self, x: W_Object, y: W_Object) -> W_Object:
        if x is y:
            return TRUE
        if isinstance(x, W_Int) or isinstance(x, W_Char):
            return TRUE if x.eqv(y) else FALSE
        return FALSE


class PrimCons(Prim2):
    def compute(self, x: W_Object, y: W_Object) -> W_Object:
        return W_Pair(x, y)


class PrimCar(Prim1):
    def compute(self, x: W_Object) -> W_Object:
        if isinstance(x, W_Pair):
            return x.car
        raise wrong_type("car", "pair", x)


class PrimCdr(Prim1):
    def compute(self, x: W_Object) -> W_Object:
        if isinstance(x, W_Pair):
            return x.cdr
        raise wrong_type("cdr", "pair", x)


class PrimNull(Prim1):
    def compute(self, x: W_Object) -> W_Object:
        return TRUE if x is NIL else FALSE


class PrimPair(Prim1):
    def compute(self, x: W_Object) -> W_Object:
        return TRUE if isinstance(x, W_Pair) else FALSE


class PrimNot(Prim1):
    def compute(self, x: W_Object) -> W_Object:
        return TRUE if x is FALSE else FALSE


class Fixed1(Prim):
    fn: Callable[[W_Object], W_Object]
    a: Node

    def __init__(
        self, cell: Cell, builtin: W_Object, fallback: Call, fn: Callable[[W_Object], W_Object], a: Node
    ) -> None:
        super().__init__(cell, builtin, fallback)
        self.fn = fn
        self.a = a

    def eval(self, f: Frame) -> W_Object:
        if self.cell.value is self.builtin:
            return self.fn(self.a.eval(f))
        return self.fallback.eval(f)

    def step(self, f: Frame) -> W_Object | None:
        if self.cell.value is self.builtin:
            return self.fn(self.a.eval(f))
        return self.fallback.step(f)


class Fixed2(Prim):
    fn: Callable[[W_Object, W_Object], W_Object]
    a: Node
    b: Node

    def __init__(
        self,
        cell: Cell,
        builtin: W_Object,
        fallback: Call,
        fn: Callable[[W_Object, W_Object], W_Object],
        a: Node,
        b: Node,
    ) -> None:
        super().__init__(cell, builtin, fallback)
        self.fn = fn
        self.a = a
        self.b = b

    def eval(self, f: Frame) -> W_Object:
        if self.cell.value is self.builtin:
            x = self.a.eval(f)
            return self.fn(x, self.b.eval(f))
        return self.fallback.eval(f)

    def step(self, f: Frame) -> W_Object | None:
        if self.cell.value is self.builtin:
            x = self.a.eval(f)
            return self.fn(x, self.b.eval(f))
        return self.fallback.step(f)


class Fixed3(Prim):
    fn: Callable[[W_Object, W_Object, W_Object], W_Object]
    a: Node
    b: Node
    c: Node

    def __init__(
        self,
        cell: Cell,
        builtin: W_Object,
        fallback: Call,
        fn: Callable[[W_Object, W_Object, W_Object], W_Object],
        args: list[Node],
    ) -> None:
        super().__init__(cell, builtin, fallback)
        self.fn = fn
        self.a = args[0]
        self.b = args[1]
        self.c = args[2]

    def eval(self, f: Frame) -> W_Object:
        if self.cell.value is self.builtin:
            x = self.a.eval(f)
            y = self.b.eval(f)
            return self.fn(x, y, self.c.eval(f))
        return self.fallback.eval(f)

    def step(self, f: Frame) -> W_Object | None:
        if self.cell.value is self.builtin:
            x = self.a.eval(f)
            y = self.b.eval(f)
            return self.fn(x, y, self.c.eval(f))
        return self.fallback.step(f)


def inline_fixed(builtin: W_Builtin, cell: Cell, call: Call) -> Node:
    # A call of a builtin registered with a fixed arity, called directly.
    args = call.args
    fn1 = builtin.fixed1
    if fn1 is not None and len(args) == 1:
        return Fixed1(cell, builtin, call, fn1, args[0])
    fn2 = builtin.fixed2
    if fn2 is not None and len(args) == 2:
        return Fixed2(cell, builtin, call, fn2, args[0], args[1])
    fn3 = builtin.fixed3
    if fn3 is not None and len(args) == 3:
        return Fixed3(cell, builtin, call, fn3, args)
    return call


def inline_primitive(name: str, cell: Cell, call: Call) -> Node:
    # The inlined node for a call of the builtin `name`, or the call itself.
    builtin = cell.value
    if not isinstance(builtin, W_Builtin) or builtin.name != name:
        return call
    args = call.args
    if len(args) == 2:
        a = args[0]
        b = args[1]
        if name == "+":
            return PrimAdd(cell, builtin, call, a, b)
        if name == "-":
            return PrimSub(cell, builtin, call, a, b)
        if name == "*":
            return PrimMul(cell, builtin, call, a, b)
        if name == "=" or name == "<" or name == ">" or name == "<=" or name == ">=":
            return PrimCompare(cell, builtin, call, a, b, name)
        if name == "eq?":
            return PrimEq(cell, builtin, call, a, b)
        if name == "cons":
            return PrimCons(cell, builtin, call, a, b)
    if len(args) == 1:
        a = args[0]
        if name == "car":
            return PrimCar(cell, builtin, call, a)
        if name == "cdr":
            return PrimCdr(cell, builtin, call, a)
        if name == "null?":
            return PrimNull(cell, builtin, call, a)
        if name == "pair?":
            return PrimPair(cell, builtin, call, a)
        if name == "not":
            return PrimNot(cell, builtin, call, a)
    return inline_fixed(builtin, cell, call)


# --- The compiler ----------------------------------------------------------


class FrameScope:
    # One procedure's frame at compile time: how many slots it needs.
    size: int
    lam: Lambda | None

    def __init__(self, size: int, lam: Lambda | None) -> None:
        self.size = size
        self.lam = lam

    def new_slot(self) -> int:
        self.size += 1
        return self.size - 1


class Block:
    # A lexical block (a lambda's parameters, a let's bindings): its names'
    # slots in its frame.
    names: dict[str, int]
    frame: FrameScope
    parent: "Block | None"

    def __init__(self, frame: FrameScope, parent: "Block | None") -> None:
        self.names = {}
        self.frame = frame
        self.parent = parent

    def declare(self, name: str) -> int:
        slot = self.frame.new_slot()
        self.names[name] = slot
        return slot


MAX_NESTING = 5000


class Compiler:
    space: Space
    specials: dict[str, int]
    depth: int

    def __init__(self, space: Space) -> None:
        self.space = space
        self.depth = 0
        self.specials = {}
        names = [
            "quote", "if", "define", "set!", "lambda", "begin", "let", "let*", "letrec",
            "letrec*", "cond", "and", "or", "when", "unless", "quasiquote", "do", "case",
        ]  # fmt: skip
        for i, name in enumerate(names):
            self.specials[name] = i

    def sym(self, name: str) -> W_Symbol:
        return self.space.intern(name)

    def compile_toplevel(self, expr: W_Object) -> tuple[Node, int]:
        # A top-level form and the size of the frame its lets need.
        frame = FrameScope(0, None)
        node = self.compile(expr, Block(frame, None), True)
        return node, frame.size

    def lookup(self, name: str, block: Block | None) -> tuple[int, int]:
        depth = 0
        b = block
        while b is not None:
            slot = b.names.get(name)
            if slot is not None:
                return depth, slot
            parent = b.parent
            if parent is not None and parent.frame is not b.frame:
                depth += 1
            b = parent
        return -1, -1

    def is_toplevel(self, block: Block) -> bool:
        return block.frame.lam is None and block.parent is None

    def compile(self, x: W_Object, block: Block, toplevel: bool) -> Node:
        self.depth += 1
        if self.depth > MAX_NESTING:
            self.depth = 0
            raise SchemeError("syntax: expression nested too deeply", [])
        try:
            return self.compile_inner(x, block, toplevel)
        finally:
            self.depth -= 1

    def compile_inner(self, x: W_Object, block: Block, toplevel: bool) -> Node:
        if isinstance(x, W_Symbol):
            return self.compile_ref(x, block)
        if not isinstance(x, W_Pair):
            if x is NIL:
                raise SchemeError("syntax: missing procedure expression in ()", [])
            return Const(x)
        head = x.car
        if isinstance(head, W_Symbol):
            kind = self.specials.get(head.name, -1)
            if kind >= 0 and self.lookup(head.name, block)[0] < 0:
                return self.compile_special(kind, x, block, toplevel)
        fn = self.compile(head, block, False)
        args = [self.compile(a, block, False) for a in self.list_of(x.cdr, x)]
        call = Call(fn, args)
        call.owner = block.frame.lam
        if isinstance(fn, GlobalRef):
            return inline_primitive(fn.sym.name, fn.cell, call)
        return call

    def list_of(self, x: W_Object, form: W_Object) -> list[W_Object]:
        out: list[W_Object] = []
        cur = x
        while isinstance(cur, W_Pair):
            out.append(cur.car)
            cur = cur.cdr
        if cur is not NIL:
            raise SchemeError("syntax: improper form:", [form])
        return out

    def compile_ref(self, s: W_Symbol, block: Block) -> Node:
        depth, slot = self.lookup(s.name, block)
        if depth == 0:
            return LocalRef(slot)
        if depth > 0:
            return DeepRef(depth, slot)
        return GlobalRef(self.space.cell(s.name), s)

    def compile_set(self, s: W_Symbol, value: Node, block: Block, define: bool) -> Node:
        depth, slot = self.lookup(s.name, block)
        if depth >= 0:
            if isinstance(value, Lambda) and value.name == "":
                value.name = s.name
            return LocalSet(depth, slot, value)
        return GlobalSet(self.space.cell(s.name), s, value, define)

    def compile_body(self, forms: list[W_Object], block: Block, form: W_Object) -> Node:
        # A body: internal defines (also inside `begin`) bind in `block`.
        if len(forms) == 0:
            raise SchemeError("syntax: empty body in", [form])
        for d in forms:
            self.declare_defines(d, block)
        nodes = [self.compile(e, block, False) for e in forms]
        return self.seq(nodes)

    def declare_defines(self, d: W_Object, block: Block) -> None:
        if not isinstance(d, W_Pair) or not isinstance(d.car, W_Symbol):
            return
        name = d.car.name
        if self.lookup(name, block)[0] >= 0 and name not in block.names:
            return
        if name == "begin":
            for e in self.list_of(d.cdr, d):
                self.declare_defines(e, block)
        elif name == "define" and isinstance(d.cdr, W_Pair):
            target = d.cdr.car
            while isinstance(target, W_Pair):
                target = target.car
            if isinstance(target, W_Symbol) and target.name not in block.names:
                block.declare(target.name)

    def seq(self, nodes: list[Node]) -> Node:
        if len(nodes) == 1:
            return nodes[0]
        if len(nodes) == 0:
            return Const(UNSPECIFIED)
        return Seq(nodes[:-1], nodes[-1])

    def compile_special(self, kind: int, x: W_Pair, block: Block, toplevel: bool) -> Node:
        args = self.list_of(x.cdr, x)
        n = len(args)
        if kind == 0:  # quote
            if n != 1:
                raise SchemeError("syntax: bad quote:", [x])
            return Const(args[0])
        if kind == 1:  # if
            if n != 2 and n != 3:
                raise SchemeError("syntax: bad if:", [x])
            orelse: Node = Const(UNSPECIFIED)
            if n == 3:
                orelse = self.compile(args[2], block, False)
            return If(self.compile(args[0], block, False), self.compile(args[1], block, False), orelse)
        if kind == 2:  # define
            return self.compile_define(x, args, block)
        if kind == 3:  # set!
            target = args[0] if n == 2 else NIL
            if not isinstance(target, W_Symbol):
                raise SchemeError("syntax: bad set!:", [x])
            return self.compile_set(target, self.compile(args[1], block, False), block, False)
        if kind == 4:  # lambda
            if n < 2:
                raise SchemeError("syntax: bad lambda:", [x])
            return self.compile_lambda(args[0], args[1:], block, "", x)
        if kind == 5:  # begin
            if toplevel or len(args) > 0:
                return self.seq([self.compile(e, block, toplevel) for e in args])
            raise SchemeError("syntax: empty begin", [])
        if kind == 6:  # let
            first = args[0] if n >= 2 else NIL
            if isinstance(first, W_Symbol):
                return self.compile_named_let(first, args[1], args[2:], block, x)
            return self.compile_let(args, block, x, 0)
        if kind == 7:  # let*
            return self.compile_let(args, block, x, 1)
        if kind == 8 or kind == 9:  # letrec, letrec*
            return self.compile_let(args, block, x, 2)
        if kind == 10:
            return self.compile_cond(args, 0, block, x)
        if kind == 11 or kind == 12:  # and, or
            if n == 0:
                return Const(FALSE if kind == 12 else TRUE)
            nodes = [self.compile(e, block, False) for e in args]
            if n == 1:
                return nodes[0]
            if kind == 11:
                return And(nodes[:-1], nodes[-1])
            return Or(nodes[:-1], nodes[-1])
        if kind == 13 or kind == 14:  # when, unless
            if n < 1:
                raise SchemeError("syntax: bad when/unless:", [x])
            body = self.seq([self.compile(e, block, False) for e in args[1:]])
            test = self.compile(args[0], block, False)
            if kind == 13:
                return If(test, body, Const(UNSPECIFIED))
            return If(test, Const(UNSPECIFIED), body)
        if kind == 15:  # quasiquote
            if n != 1:
                raise SchemeError("syntax: bad quasiquote:", [x])
            return self.compile_quasi(args[0], 1, block)
        if kind == 16:
            return self.compile_do(args, block, x)
        return self.compile_case(args, block, x)

    def compile_define(self, x: W_Pair, args: list[W_Object], block: Block) -> Node:
        if len(args) == 0:
            raise SchemeError("syntax: bad define:", [x])
        target = args[0]
        if isinstance(target, W_Pair):
            # (define (name . params) body...), curried forms included.
            value: W_Object = W_Pair(self.sym("lambda"), W_Pair(target.cdr, x.cdr.cdr if isinstance(x.cdr, W_Pair) else NIL))
            inner = target.car
            while isinstance(inner, W_Pair):
                value = W_Pair(self.sym("lambda"), W_Pair(inner.cdr, W_Pair(value, NIL)))
                inner = inner.car
            if not isinstance(inner, W_Symbol):
                raise SchemeError("syntax: bad define:", [x])
            lam = self.compile(value, block, False)
            if isinstance(lam, Lambda):
                lam.name = inner.name
            return self.compile_set(inner, lam, block, True)
        if not isinstance(target, W_Symbol) or len(args) > 2:
            raise SchemeError("syntax: bad define:", [x])
        if len(args) == 1:
            return self.compile_set(target, Const(UNSPECIFIED), block, True)
        return self.compile_set(target, self.compile(args[1], block, False), block, True)

    def compile_lambda(
        self, params: W_Object, body: list[W_Object], block: Block, name: str, form: W_Object
    ) -> Lambda:
        names: list[str] = []
        cur = params
        while isinstance(cur, W_Pair):
            p = cur.car
            if not isinstance(p, W_Symbol):
                raise SchemeError("syntax: bad lambda parameter:", [p])
            names.append(p.name)
            cur = cur.cdr
        rest = False
        if isinstance(cur, W_Symbol):
            names.append(cur.name)
            rest = True
        elif cur is not NIL:
            raise SchemeError("syntax: bad lambda parameters:", [params])
        lam = Lambda(len(names) - (1 if rest else 0), rest, name)
        outer = block.frame.lam
        if outer is not None:
            outer.captures = True
        frame = FrameScope(0, lam)
        inner = Block(frame, block)
        for p_name in names:
            inner.declare(p_name)
        lam.body = self.compile_body(body, Block(frame, inner), form)
        lam.frame_size = frame.size
        return lam

    def bindings(self, spec: W_Object, form: W_Object) -> tuple[list[W_Symbol], list[W_Object]]:
        names: list[W_Symbol] = []
        inits: list[W_Object] = []
        for b in self.list_of(spec, form):
            if isinstance(b, W_Pair) and isinstance(b.car, W_Symbol) and isinstance(b.cdr, W_Pair):
                names.append(b.car)
                inits.append(b.cdr.car)
            elif isinstance(b, W_Pair) and isinstance(b.car, W_Symbol) and b.cdr is NIL:
                names.append(b.car)
                inits.append(UNSPECIFIED)
            else:
                raise SchemeError("syntax: bad binding:", [b])
        return names, inits

    def compile_let(self, args: list[W_Object], block: Block, form: W_Object, kind: int) -> Node:
        # kind 0: let, 1: let*, 2: letrec.
        if len(args) < 2:
            raise SchemeError("syntax: bad let:", [form])
        names, inits = self.bindings(args[0], form)
        nodes: list[Node] = []
        if kind == 0:
            inner = Block(block.frame, block)
            values = [self.compile(e, block, False) for e in inits]
            for i, s in enumerate(names):
                value = values[i]
                if isinstance(value, Lambda) and value.name == "":
                    value.name = s.name
                nodes.append(LocalSet(0, inner.declare(s.name), value))
        elif kind == 1:
            inner = block
            for i, s in enumerate(names):
                value = self.compile(inits[i], inner, False)
                inner = Block(block.frame, inner)
                if isinstance(value, Lambda) and value.name == "":
                    value.name = s.name
                nodes.append(LocalSet(0, inner.declare(s.name), value))
        else:
            inner = Block(block.frame, block)
            for s in names:
                inner.declare(s.name)
            for i, s in enumerate(names):
                nodes.append(self.compile_set(s, self.compile(inits[i], inner, False), inner, True))
        body_block = Block(block.frame, inner)
        nodes.append(self.compile_body(args[1:], body_block, form))
        return self.seq(nodes)

    def compile_named_let(
        self, name: W_Symbol, spec: W_Object, body: list[W_Object], block: Block, form: W_Object
    ) -> Node:
        names, inits = self.bindings(spec, form)
        values = [self.compile(e, block, False) for e in inits]
        inner = Block(block.frame, block)
        slot = inner.declare(name.name)
        params = list_of_symbols(names)
        lam = self.compile_lambda(params, body, inner, name.name, form)
        call = Call(LocalRef(slot), values)
        call.owner = block.frame.lam
        return Seq([LocalSet(0, slot, lam)], call)

    def compile_cond(self, clauses: list[W_Object], i: int, block: Block, form: W_Object) -> Node:
        if i >= len(clauses):
            return Const(UNSPECIFIED)
        clause = clauses[i]
        if not isinstance(clause, W_Pair):
            raise SchemeError("syntax: bad cond clause:", [clause])
        parts = self.list_of(clause.cdr, form)
        head = clause.car
        if isinstance(head, W_Symbol) and head.name == "else" and self.lookup("else", block)[0] < 0:
            return self.seq([self.compile(e, block, False) for e in parts])
        test = self.compile(head, block, False)
        rest = self.compile_cond(clauses, i + 1, block, form)
        if len(parts) == 0:
            return Or([test], rest)
        arrow = parts[0]
        if isinstance(arrow, W_Symbol) and arrow.name == "=>":
            if len(parts) != 2:
                raise SchemeError("syntax: bad cond clause:", [clause])
            # (test => f): bind the test's value in a fresh slot of this frame.
            slot = block.frame.new_slot()
            fn = self.compile(parts[1], block, False)
            return Seq(
                [LocalSet(0, slot, test)],
                If(LocalRef(slot), Call(fn, [LocalRef(slot)]), rest),
            )
        return If(test, self.seq([self.compile(e, block, False) for e in parts]), rest)

    def compile_case(self, args: list[W_Object], block: Block, form: W_Object) -> Node:
        # (case key ((d...) e...) ... (else e...)) as (let ((k key)) (cond ((memv k '(d...)) e...) ...)).
        if len(args) < 1:
            raise SchemeError("syntax: bad case:", [form])
        slot = block.frame.new_slot()
        key = self.compile(args[0], block, False)
        memv = self.space.cell(" memv")
        node: Node = Const(UNSPECIFIED)
        i = len(args) - 1
        while i >= 1:
            clause = args[i]
            if not isinstance(clause, W_Pair):
                raise SchemeError("syntax: bad case clause:", [clause])
            body = self.seq([self.compile(e, block, False) for e in self.list_of(clause.cdr, form)])
            data = clause.car
            if isinstance(data, W_Symbol) and data.name == "else":
                node = body
            else:
                builtin = memv.value
                if builtin is None:
                    raise SchemeError("syntax: case needs memv", [])
                test = Call(Const(builtin), [LocalRef(slot), Const(data)])
                node = If(test, body, node)
            i -= 1
        return Seq([LocalSet(0, slot, key)], node)

    def compile_do(self, args: list[W_Object], block: Block, form: W_Object) -> Node:
        # (do ((var init step)...) (test res...) body...) as a named let.
        if len(args) < 2:
            raise SchemeError("syntax: bad do:", [form])
        loop = self.sym(" do-loop")
        specs = self.list_of(args[0], form)
        binds: list[W_Object] = []
        steps: list[W_Object] = []
        for s in specs:
            parts = self.list_of(s, form)
            if len(parts) < 2:
                raise SchemeError("syntax: bad do binding:", [s])
            binds.append(list_of_objects([parts[0], parts[1]]))
            steps.append(parts[2] if len(parts) > 2 else parts[0])
        exit_clause = self.list_of(args[1], form)
        if len(exit_clause) == 0:
            raise SchemeError("syntax: bad do:", [form])
        result: list[W_Object] = [self.sym("begin")]
        result.extend(exit_clause[1:])
        if len(result) == 1:
            result.append(list_of_objects([self.sym("if"), FALSE, FALSE]))
        again: list[W_Object] = [loop]
        again.extend(steps)
        body: list[W_Object] = [self.sym("begin")]
        body.extend(args[2:])
        body.append(list_of_objects(again))
        test = list_of_objects([self.sym("if"), exit_clause[0], list_of_objects(result), list_of_objects(body)])
        return self.compile_named_let(loop, list_of_objects(binds), [test], block, form)

    def compile_quasi(self, x: W_Object, level: int, block: Block) -> Node:
        if not isinstance(x, W_Pair):
            return Const(x)
        head = x.car
        if isinstance(head, W_Symbol) and isinstance(x.cdr, W_Pair):
            if head.name == "unquote":
                if level == 1:
                    return self.compile(x.cdr.car, block, False)
                return self.list_call([Const(head), self.compile_quasi(x.cdr.car, level - 1, block)])
            if head.name == "quasiquote":
                return self.list_call([Const(head), self.compile_quasi(x.cdr.car, level + 1, block)])
        if isinstance(head, W_Pair) and isinstance(head.car, W_Symbol):
            if head.car.name == "unquote-splicing" and level == 1 and isinstance(head.cdr, W_Pair):
                spliced = self.compile(head.cdr.car, block, False)
                return Call(Const(self.builtin(" append")), [spliced, self.compile_quasi(x.cdr, level, block)])
        return Call(
            Const(self.builtin(" cons")),
            [self.compile_quasi(head, level, block), self.compile_quasi(x.cdr, level, block)],
        )

    def list_call(self, items: list[Node]) -> Node:
        return Call(Const(self.builtin(" list")), items)

    def builtin(self, name: str) -> W_Object:
        value = self.space.cell(name).value
        if value is None:
            raise SchemeError("Unbound variable:", [self.sym(name)])
        return value


def list_of_objects(items: list[W_Object]) -> W_Object:
    result = NIL
    i = len(items) - 1
    while i >= 0:
        result = W_Pair(items[i], result)
        i -= 1
    return result


def list_of_symbols(items: list[W_Symbol]) -> W_Object:
    result = NIL
    i = len(items) - 1
    while i >= 0:
        result = W_Pair(items[i], result)
        i -= 1
    return result


@export
def check_list(obj: W_Object, who: str) -> list[W_Object]:
    return scheme_to_list(obj, who)
