# A tiny calculator language whose runtime errors are exceptions carrying a line number;
# the driver reports each error and continues with the next line.


class CalcError(Exception):
    line: int

    def __init__(self, line: int, msg: str) -> None:
        super().__init__("line " + str(line) + ": " + msg)
        self.line = line


class UndefinedVariable(CalcError):
    name: str

    def __init__(self, line: int, name: str) -> None:
        super().__init__(line, "undefined variable " + repr(name))
        self.name = name


class Interp:
    env: dict[str, int]
    line: int
    output: list[str]

    def __init__(self) -> None:
        self.env = {}
        self.line = 0
        self.output = []

    def value(self, tok: str) -> int:
        if tok.isdigit():
            return int(tok)
        if tok.startswith("-") and tok[1:].isdigit():
            return -int(tok[1:])
        if tok not in self.env:
            raise UndefinedVariable(self.line, tok)
        return self.env[tok]

    def expr(self, toks: list[str]) -> int:
        if len(toks) == 1:
            return self.value(toks[0])
        if len(toks) != 3:
            raise CalcError(self.line, "bad expression " + " ".join(toks))
        a = self.value(toks[0])
        b = self.value(toks[2])
        op = toks[1]
        try:
            if op == "+":
                return a + b
            if op == "-":
                return a - b
            if op == "*":
                return a * b
            if op == "/":
                return a // b
            if op == "%":
                return a % b
        except ZeroDivisionError as e:
            raise CalcError(self.line, "division by zero (" + str(e) + ")")
        raise CalcError(self.line, "unknown operator " + op)

    def run_line(self, text: str) -> None:
        toks = text.split()
        if len(toks) == 0:
            return
        if toks[0] == "print":
            self.output.append(str(self.expr(toks[1:])))
        elif len(toks) >= 3 and toks[1] == "=":
            self.env[toks[0]] = self.expr(toks[2:])
        else:
            raise CalcError(self.line, "cannot parse " + repr(text))

    def run(self, src: str) -> list[str]:
        errors: list[str] = []
        for text in src.split("\n"):
            self.line += 1
            try:
                self.run_line(text)
            except UndefinedVariable as e:
                errors.append("undefined " + e.name + " at " + str(e.line))
            except CalcError as e:
                errors.append(str(e))
        return errors


def main(argv: list[str]) -> int:
    src = "x = 6\ny = x * 7\nprint y\nz = y / 0\nprint w\nprint x + y\nq = 5 ^ 2\nhello there\n\nprint -3 % x\nprint 1 2\nr = y % 0"
    it = Interp()
    errs = it.run(src)
    print(it.output)
    for e in errs:
        print(e)
    print(sorted(list(it.env.keys())), it.line)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
