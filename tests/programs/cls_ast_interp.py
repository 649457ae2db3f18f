# An expression-tree interpreter: node classes with a virtual eval method and an environment.


class UnboundName(Exception):
    name: str

    def __init__(self, name: str) -> None:
        super().__init__("unbound name " + name)
        self.name = name


class Env:
    vars: dict[str, int]
    parent: "Env | None"

    def __init__(self, parent: "Env | None") -> None:
        self.vars = {}
        self.parent = parent

    def lookup(self, name: str) -> int:
        e: Env | None = self
        while e is not None:
            if name in e.vars:
                return e.vars[name]
            e = e.parent
        raise UnboundName(name)

    def define(self, name: str, value: int) -> None:
        self.vars[name] = value


class Expr:
    def eval(self, env: Env) -> int:
        raise NotImplementedError("eval")

    def show(self) -> str:
        return "?"


class Const(Expr):
    value: int

    def __init__(self, value: int) -> None:
        self.value = value

    def eval(self, env: Env) -> int:
        return self.value

    def show(self) -> str:
        return str(self.value)


class Var(Expr):
    name: str

    def __init__(self, name: str) -> None:
        self.name = name

    def eval(self, env: Env) -> int:
        return env.lookup(self.name)

    def show(self) -> str:
        return self.name


class BinOp(Expr):
    op: str
    left: Expr
    right: Expr

    def __init__(self, op: str, left: Expr, right: Expr) -> None:
        self.op = op
        self.left = left
        self.right = right

    def eval(self, env: Env) -> int:
        a = self.left.eval(env)
        b = self.right.eval(env)
        if self.op == "+":
            return a + b
        if self.op == "-":
            return a - b
        if self.op == "*":
            return a * b
        if self.op == "/":
            return a // b
        if self.op == "<":
            return 1 if a < b else 0
        raise ValueError("bad op " + self.op)

    def show(self) -> str:
        return "(" + self.left.show() + " " + self.op + " " + self.right.show() + ")"


class Let(Expr):
    name: str
    value: Expr
    body: Expr

    def __init__(self, name: str, value: Expr, body: Expr) -> None:
        self.name = name
        self.value = value
        self.body = body

    def eval(self, env: Env) -> int:
        inner = Env(env)
        inner.define(self.name, self.value.eval(env))
        return self.body.eval(inner)

    def show(self) -> str:
        return "let " + self.name + " = " + self.value.show() + " in " + self.body.show()


class If(Expr):
    cond: Expr
    then: Expr
    orelse: Expr

    def __init__(self, cond: Expr, then: Expr, orelse: Expr) -> None:
        self.cond = cond
        self.then = then
        self.orelse = orelse

    def eval(self, env: Env) -> int:
        if self.cond.eval(env) != 0:
            return self.then.eval(env)
        return self.orelse.eval(env)

    def show(self) -> str:
        return "if " + self.cond.show() + " then " + self.then.show() + " else " + self.orelse.show()


def parse(tokens: list[str], pos: int) -> tuple[Expr, int]:
    # Prefix notation: + a b, let x e body, if c a b, numbers, names.
    t = tokens[pos]
    if t in ["+", "-", "*", "/", "<"]:
        left, p1 = parse(tokens, pos + 1)
        right, p2 = parse(tokens, p1)
        return BinOp(t, left, right), p2
    if t == "let":
        value, p1 = parse(tokens, pos + 2)
        body, p2 = parse(tokens, p1)
        return Let(tokens[pos + 1], value, body), p2
    if t == "if":
        c, p1 = parse(tokens, pos + 1)
        a, p2 = parse(tokens, p1)
        b, p3 = parse(tokens, p2)
        return If(c, a, b), p3
    if t.isdigit():
        return Const(int(t)), pos + 1
    return Var(t), pos + 1


def main(argv: list[str]) -> int:
    programs = [
        "+ 1 2",
        "* + 1 2 - 10 4",
        "let x 5 * x x",
        "let x 5 let y + x 1 let x 100 + x y",
        "if < 3 4 111 222",
        "if < 4 3 111 222",
        "let n 10 if < n 5 0 / * n n 3",
        "+ z 1",
        "/ 7 0",
    ]
    top = Env(None)
    top.define("z", 41)
    for src in programs:
        e, _ = parse(src.split(" "), 0)
        try:
            print(e.show(), "=>", e.eval(top))
        except ZeroDivisionError as err:
            print(e.show(), "=> error:", str(err))
    try:
        Var("nope").eval(top)
    except UnboundName as err:
        print(str(err), err.name)
    try:
        Expr().eval(top)
    except NotImplementedError as err:
        print("abstract", str(err))
    # A deep tree: sum of 1..300 built as nested BinOps.
    acc: Expr = Const(0)
    for i in range(1, 301):
        acc = BinOp("+", acc, Const(i))
    print(acc.eval(top))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
