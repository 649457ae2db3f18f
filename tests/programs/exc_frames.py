# Exceptions crossing several frames, including recursion and methods; state left behind.


class Parser:
    src: str
    pos: int
    depth: int

    def __init__(self, src: str) -> None:
        self.src = src
        self.pos = 0
        self.depth = 0

    def peek(self) -> str:
        if self.pos >= len(self.src):
            raise ValueError("unexpected end at " + str(self.pos))
        return self.src[self.pos]

    def expect(self, ch: str) -> None:
        got = self.peek()
        if got != ch:
            raise ValueError("expected " + repr(ch) + " got " + repr(got) + " at " + str(self.pos))
        self.pos += 1

    def parse_list(self) -> int:
        # Counts the atoms of a nested list such as (a(bc)d).
        self.expect("(")
        self.depth += 1
        n = 0
        while self.peek() != ")":
            if self.peek() == "(":
                n += self.parse_list()
            else:
                n += 1
                self.pos += 1
        self.expect(")")
        self.depth -= 1
        return n


def countdown(n: int) -> int:
    if n == 0:
        raise RuntimeError("reached zero")
    return countdown(n - 1) + 1


def level3(x: int) -> int:
    return 100 // x


def level2(x: int) -> int:
    return level3(x - 1) + 1


def level1(x: int) -> int:
    return level2(x - 1) * 2


def main(argv: list[str]) -> int:
    for src in ["(ab(cd)e)", "(a(b", "((x)y]", "(((())))", ""]:
        p = Parser(src)
        try:
            print(src, "atoms", p.parse_list())
        except ValueError as e:
            print(src, "error:", str(e), "depth", p.depth, "pos", p.pos)
    try:
        countdown(500)
    except RuntimeError as e:
        print("deep:", str(e))
    for x in [4, 3, 2]:
        try:
            print(x, level1(x))
        except ZeroDivisionError as e:
            print(x, "failed:", str(e))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
