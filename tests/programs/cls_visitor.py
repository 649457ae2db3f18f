# A visitor-ish pattern: nodes call back into a virtual visitor; several visitors over one tree.


class Visitor:
    def visit_num(self, n: "Num") -> None:
        pass

    def visit_add(self, n: "Add") -> None:
        n.left.accept(self)
        n.right.accept(self)

    def visit_neg(self, n: "Neg") -> None:
        n.operand.accept(self)


class Node:
    def accept(self, v: Visitor) -> None:
        pass


class Num(Node):
    value: int

    def __init__(self, value: int) -> None:
        self.value = value

    def accept(self, v: Visitor) -> None:
        v.visit_num(self)


class Add(Node):
    left: Node
    right: Node

    def __init__(self, left: Node, right: Node) -> None:
        self.left = left
        self.right = right

    def accept(self, v: Visitor) -> None:
        v.visit_add(self)


class Neg(Node):
    operand: Node

    def __init__(self, operand: Node) -> None:
        self.operand = operand

    def accept(self, v: Visitor) -> None:
        v.visit_neg(self)


class CountNums(Visitor):
    count: int

    def __init__(self) -> None:
        self.count = 0

    def visit_num(self, n: Num) -> None:
        self.count += 1


class Printer(Visitor):
    out: list[str]

    def __init__(self) -> None:
        self.out = []

    def visit_num(self, n: Num) -> None:
        self.out.append(str(n.value))

    def visit_add(self, n: Add) -> None:
        self.out.append("(")
        n.left.accept(self)
        self.out.append("+")
        n.right.accept(self)
        self.out.append(")")

    def visit_neg(self, n: Neg) -> None:
        self.out.append("-")
        Visitor.visit_neg(self, n)


class Evaluator(Visitor):
    stack: list[int]

    def __init__(self) -> None:
        self.stack = []

    def visit_num(self, n: Num) -> None:
        self.stack.append(n.value)

    def visit_add(self, n: Add) -> None:
        super().visit_add(n)
        b = self.stack.pop()
        a = self.stack.pop()
        self.stack.append(a + b)

    def visit_neg(self, n: Neg) -> None:
        super().visit_neg(n)
        self.stack.append(-self.stack.pop())


class MaxDepth(Visitor):
    depth: int
    best: int

    def __init__(self) -> None:
        self.depth = 0
        self.best = 0

    def visit_num(self, n: Num) -> None:
        if self.depth + 1 > self.best:
            self.best = self.depth + 1

    def visit_add(self, n: Add) -> None:
        self.depth += 1
        super().visit_add(n)
        self.depth -= 1

    def visit_neg(self, n: Neg) -> None:
        self.depth += 1
        super().visit_neg(n)
        self.depth -= 1


def main(argv: list[str]) -> int:
    tree = Add(Num(1), Neg(Add(Num(2), Add(Num(3), Neg(Num(4))))))
    c = CountNums()
    tree.accept(c)
    p = Printer()
    tree.accept(p)
    e = Evaluator()
    tree.accept(e)
    d = MaxDepth()
    tree.accept(d)
    print(c.count, "".join(p.out), e.stack, d.best)
    visitors: list[Visitor] = [CountNums(), Printer(), Evaluator(), MaxDepth(), Visitor()]
    small = Neg(Num(9))
    for v in visitors:
        small.accept(v)
    c2 = visitors[0]
    if isinstance(c2, CountNums):
        print(c2.count)
    e2 = visitors[2]
    assert isinstance(e2, Evaluator)
    print(e2.stack)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
