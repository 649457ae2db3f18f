# A statement interpreter: expression and statement class hierarchies, blocks, while/if,
# a `break` implemented with an exception, and a runtime error reported with its statement.


class BreakLoop(Exception):
    def __init__(self) -> None:
        super().__init__("break outside loop")


class RuntimeFault(Exception):
    where: str

    def __init__(self, where: str, msg: str) -> None:
        super().__init__(msg)
        self.where = where


class Machine:
    vars: dict[str, int]
    out: list[str]
    steps: int

    def __init__(self) -> None:
        self.vars = {}
        self.out = []
        self.steps = 0


class Expr:
    def ev(self, m: Machine) -> int:
        raise NotImplementedError("ev")


class Lit(Expr):
    v: int

    def __init__(self, v: int) -> None:
        self.v = v

    def ev(self, m: Machine) -> int:
        return self.v


class Ref(Expr):
    name: str

    def __init__(self, name: str) -> None:
        self.name = name

    def ev(self, m: Machine) -> int:
        if self.name not in m.vars:
            raise RuntimeFault("ref " + self.name, "undefined variable " + self.name)
        return m.vars[self.name]


class Op(Expr):
    op: str
    a: Expr
    b: Expr

    def __init__(self, a: Expr, op: str, b: Expr) -> None:
        self.op = op
        self.a = a
        self.b = b

    def ev(self, m: Machine) -> int:
        x = self.a.ev(m)
        y = self.b.ev(m)
        if self.op == "+":
            return x + y
        if self.op == "-":
            return x - y
        if self.op == "*":
            return x * y
        if self.op == "%":
            return x % y
        if self.op == "<":
            return int(x < y)
        if self.op == "==":
            return int(x == y)
        raise RuntimeFault("op", "bad operator " + self.op)


class Stmt:
    def run(self, m: Machine) -> None:
        m.steps += 1


class Assign(Stmt):
    name: str
    e: Expr

    def __init__(self, name: str, e: Expr) -> None:
        self.name = name
        self.e = e

    def run(self, m: Machine) -> None:
        super().run(m)
        m.vars[self.name] = self.e.ev(m)


class Print(Stmt):
    e: Expr

    def __init__(self, e: Expr) -> None:
        self.e = e

    def run(self, m: Machine) -> None:
        Stmt.run(self, m)
        m.out.append(str(self.e.ev(m)))


class Block(Stmt):
    body: list[Stmt]

    def __init__(self, body: list[Stmt]) -> None:
        self.body = body

    def run(self, m: Machine) -> None:
        for s in self.body:
            s.run(m)


class IfStmt(Stmt):
    cond: Expr
    then: Stmt
    orelse: Stmt | None

    def __init__(self, cond: Expr, then: Stmt, orelse: Stmt | None) -> None:
        self.cond = cond
        self.then = then
        self.orelse = orelse

    def run(self, m: Machine) -> None:
        super().run(m)
        if self.cond.ev(m) != 0:
            self.then.run(m)
        else:
            o = self.orelse
            if o is not None:
                o.run(m)


class While(Stmt):
    cond: Expr
    body: Stmt

    def __init__(self, cond: Expr, body: Stmt) -> None:
        self.cond = cond
        self.body = body

    def run(self, m: Machine) -> None:
        while self.cond.ev(m) != 0:
            super().run(m)
            try:
                self.body.run(m)
            except BreakLoop:
                break


class Break(Stmt):
    def run(self, m: Machine) -> None:
        raise BreakLoop()


def execute(prog: Stmt) -> str:
    m = Machine()
    try:
        prog.run(m)
        return " ".join(m.out) + " | steps " + str(m.steps)
    except RuntimeFault as e:
        return "fault in " + e.where + ": " + str(e) + " | out " + " ".join(m.out)
    except BreakLoop as e:
        return "error: " + str(e)
    except ZeroDivisionError as e:
        return "zero: " + str(e)


def main(argv: list[str]) -> int:
    # Sum of the odd numbers below 20, printing the running total at each multiple of 5.
    p1 = Block([
        Assign("i", Lit(0)),
        Assign("s", Lit(0)),
        While(Op(Ref("i"), "<", Lit(20)), Block([
            IfStmt(Op(Op(Ref("i"), "%", Lit(2)), "==", Lit(1)), Assign("s", Op(Ref("s"), "+", Ref("i"))), None),
            IfStmt(Op(Op(Ref("i"), "%", Lit(5)), "==", Lit(0)), Print(Ref("s")), Print(Lit(-1))),
            Assign("i", Op(Ref("i"), "+", Lit(1))),
        ])),
        Print(Ref("s")),
    ])
    print(execute(p1))
    # Break out of an infinite loop once n reaches 4.
    p2 = Block([
        Assign("n", Lit(0)),
        While(Lit(1), Block([
            Assign("n", Op(Ref("n"), "+", Lit(1))),
            IfStmt(Op(Ref("n"), "==", Lit(4)), Break(), None),
            Print(Ref("n")),
        ])),
        Print(Op(Ref("n"), "*", Lit(100))),
    ])
    print(execute(p2))
    print(execute(Block([Print(Lit(1)), Print(Ref("ghost")), Print(Lit(3))])))
    print(execute(Block([Break()])))
    print(execute(Print(Op(Lit(1), "%", Lit(0)))))
    print(execute(Print(Op(Lit(1), "^", Lit(0)))))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
