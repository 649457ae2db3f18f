# A recursive-descent parser producing AST node objects, then evaluation and pretty-printing:
# precedence, unary minus, parentheses, variables, and parse errors as exceptions.


class ParseError(Exception):
    pos: int

    def __init__(self, msg: str, pos: int) -> None:
        super().__init__(msg + " at " + str(pos))
        self.pos = pos


class Token:
    kind: str
    text: str
    pos: int

    def __init__(self, kind: str, text: str, pos: int) -> None:
        self.kind = kind
        self.text = text
        self.pos = pos


class Node:
    def eval(self, env: dict[str, float]) -> float:
        return 0.0

    def show(self) -> str:
        return "?"


class Num(Node):
    v: float

    def __init__(self, v: float) -> None:
        self.v = v

    def eval(self, env: dict[str, float]) -> float:
        return self.v

    def show(self) -> str:
        return str(self.v)


class Name(Node):
    n: str

    def __init__(self, n: str) -> None:
        self.n = n

    def eval(self, env: dict[str, float]) -> float:
        return env[self.n]

    def show(self) -> str:
        return self.n


class Unary(Node):
    operand: Node

    def __init__(self, operand: Node) -> None:
        self.operand = operand

    def eval(self, env: dict[str, float]) -> float:
        return -self.operand.eval(env)

    def show(self) -> str:
        return "(-" + self.operand.show() + ")"


class Bin(Node):
    op: str
    a: Node
    b: Node

    def __init__(self, op: str, a: Node, b: Node) -> None:
        self.op = op
        self.a = a
        self.b = b

    def eval(self, env: dict[str, float]) -> float:
        x = self.a.eval(env)
        y = self.b.eval(env)
        if self.op == "+":
            return x + y
        if self.op == "-":
            return x - y
        if self.op == "*":
            return x * y
        return x / y

    def show(self) -> str:
        return "(" + self.a.show() + " " + self.op + " " + self.b.show() + ")"


def tokenize(src: str) -> list[Token]:
    toks: list[Token] = []
    i = 0
    while i < len(src):
        c = src[i]
        if c == " ":
            i += 1
        elif c.isdigit():
            j = i
            while j < len(src) and (src[j].isdigit() or src[j] == "."):
                j += 1
            toks.append(Token("num", src[i:j], i))
            i = j
        elif c.isalpha():
            j = i
            while j < len(src) and src[j].isalpha():
                j += 1
            toks.append(Token("name", src[i:j], i))
            i = j
        elif c in "+-*/()":
            toks.append(Token("op", c, i))
            i += 1
        else:
            raise ParseError("unexpected character " + repr(c), i)
    toks.append(Token("end", "", len(src)))
    return toks


class Parser:
    toks: list[Token]
    i: int

    def __init__(self, toks: list[Token]) -> None:
        self.toks = toks
        self.i = 0

    def peek(self) -> Token:
        return self.toks[self.i]

    def advance(self) -> Token:
        t = self.toks[self.i]
        self.i += 1
        return t

    def expr(self) -> Node:
        left = self.term()
        while self.peek().text in ["+", "-"]:
            op = self.advance().text
            left = Bin(op, left, self.term())
        return left

    def term(self) -> Node:
        left = self.factor()
        while self.peek().text in ["*", "/"]:
            op = self.advance().text
            left = Bin(op, left, self.factor())
        return left

    def factor(self) -> Node:
        t = self.advance()
        if t.kind == "num":
            return Num(float(t.text))
        if t.kind == "name":
            return Name(t.text)
        if t.text == "-":
            return Unary(self.factor())
        if t.text == "(":
            e = self.expr()
            if self.peek().text != ")":
                raise ParseError("expected ')'", self.peek().pos)
            self.advance()
            return e
        raise ParseError("unexpected " + (repr(t.text) if t.kind != "end" else "end of input"), t.pos)

    def parse(self) -> Node:
        e = self.expr()
        if self.peek().kind != "end":
            raise ParseError("trailing input", self.peek().pos)
        return e


def main(argv: list[str]) -> int:
    env = {"x": 2.0, "pi": 3.5}
    for src in ["1 + 2 * 3", "(1 + 2) * 3", "-x * -(pi - 1)", "10 / 4 / 5", "x * x * x - 1.5",
                "2 * (3 + ", "3 $ 4", "1 2", "y + 1", "1 / (x - 2)", ")"]:
        try:
            tree = Parser(tokenize(src)).parse()
            print(src, "=>", tree.show(), "=", tree.eval(env))
        except ParseError as e:
            print(src, "=> parse error:", str(e), e.pos)
        except KeyError as e:
            print(src, "=> unknown name", str(e))
        except ZeroDivisionError as e:
            print(src, "=>", str(e))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
