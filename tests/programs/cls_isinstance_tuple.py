# isinstance with a tuple of classes, and the isinstance hierarchy at several depths.


class Node:
    def kind(self) -> str:
        return "node"


class Expr(Node):
    def kind(self) -> str:
        return "expr"


class Stmt(Node):
    def kind(self) -> str:
        return "stmt"


class Lit(Expr):
    pass


class Var(Expr):
    pass


class Call(Expr):
    pass


class Assign(Stmt):
    pass


class Return(Stmt):
    pass


def classify(n: Node) -> str:
    parts: list[str] = []
    if isinstance(n, (Lit, Var)):
        parts.append("atom")
    if isinstance(n, (Call, Assign, Return)):
        parts.append("compound")
    if isinstance(n, (Stmt,)):
        parts.append("statement")
    if isinstance(n, (Expr, Stmt)):
        parts.append("expr-or-stmt")
    if isinstance(n, Node):
        parts.append("any")
    return n.kind() + ": " + " ".join(parts)


def main(argv: list[str]) -> int:
    nodes: list[Node] = [Node(), Lit(), Var(), Call(), Assign(), Return(), Expr(), Stmt()]
    for n in nodes:
        print(classify(n))
    counts = [0, 0, 0]
    for n in nodes:
        if isinstance(n, Expr):
            counts[0] += 1
        if isinstance(n, Stmt):
            counts[1] += 1
        if isinstance(n, (Lit, Return)):
            counts[2] += 1
    print(counts)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
