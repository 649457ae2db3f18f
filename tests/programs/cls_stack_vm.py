# A stack-machine interpreter whose instructions are objects with a virtual execute method.


class VMError(Exception):
    pc: int

    def __init__(self, pc: int, msg: str) -> None:
        super().__init__("pc " + str(pc) + ": " + msg)
        self.pc = pc


class Frame:
    stack: list[int]
    pc: int
    vars: dict[str, int]
    out: list[str]
    halted: bool

    def __init__(self) -> None:
        self.stack = []
        self.pc = 0
        self.vars = {}
        self.out = []
        self.halted = False

    def pop(self) -> int:
        if len(self.stack) == 0:
            raise VMError(self.pc, "stack underflow")
        return self.stack.pop()


class Instr:
    def execute(self, f: Frame) -> None:
        f.pc += 1

    def text(self) -> str:
        return "nop"


class Push(Instr):
    value: int

    def __init__(self, value: int) -> None:
        self.value = value

    def execute(self, f: Frame) -> None:
        f.stack.append(self.value)
        f.pc += 1

    def text(self) -> str:
        return "push " + str(self.value)


class Arith(Instr):
    op: str

    def __init__(self, op: str) -> None:
        self.op = op

    def execute(self, f: Frame) -> None:
        b = f.pop()
        a = f.pop()
        if self.op == "add":
            f.stack.append(a + b)
        elif self.op == "sub":
            f.stack.append(a - b)
        elif self.op == "mul":
            f.stack.append(a * b)
        elif self.op == "lt":
            f.stack.append(1 if a < b else 0)
        else:
            raise VMError(f.pc, "unknown op " + self.op)
        f.pc += 1

    def text(self) -> str:
        return self.op


class Load(Instr):
    name: str

    def __init__(self, name: str) -> None:
        self.name = name

    def execute(self, f: Frame) -> None:
        if self.name not in f.vars:
            raise VMError(f.pc, "undefined " + self.name)
        f.stack.append(f.vars[self.name])
        f.pc += 1

    def text(self) -> str:
        return "load " + self.name


class Store(Load):
    def execute(self, f: Frame) -> None:
        f.vars[self.name] = f.pop()
        f.pc += 1

    def text(self) -> str:
        return "store " + self.name


class JumpIfZero(Instr):
    target: int

    def __init__(self, target: int) -> None:
        self.target = target

    def execute(self, f: Frame) -> None:
        if f.pop() == 0:
            f.pc = self.target
        else:
            f.pc += 1

    def text(self) -> str:
        return "jz " + str(self.target)


class Jump(JumpIfZero):
    def execute(self, f: Frame) -> None:
        f.pc = self.target

    def text(self) -> str:
        return "jmp " + str(self.target)


class Print(Instr):
    def execute(self, f: Frame) -> None:
        f.out.append(str(f.pop()))
        f.pc += 1

    def text(self) -> str:
        return "print"


class Halt(Instr):
    def execute(self, f: Frame) -> None:
        f.halted = True

    def text(self) -> str:
        return "halt"


def run(code: list[Instr], limit: int) -> Frame:
    f = Frame()
    steps = 0
    while not f.halted:
        if f.pc < 0 or f.pc >= len(code):
            raise VMError(f.pc, "pc out of range")
        code[f.pc].execute(f)
        steps += 1
        if steps > limit:
            raise VMError(f.pc, "step limit")
    return f


def factorial_program(n: int) -> list[Instr]:
    return [
        Push(n), Store("n"), Push(1), Store("acc"),
        Push(0), Load("n"), Arith("lt"), JumpIfZero(19),
        Load("acc"), Load("n"), Arith("mul"), Store("acc"),
        Load("n"), Push(1), Arith("sub"), Store("n"),
        Load("acc"), Print(), Jump(4),
        Load("acc"), Print(), Halt(),
    ]


def main(argv: list[str]) -> int:
    prog = factorial_program(6)
    for i in range(len(prog)):
        print(i, prog[i].text())
    f = run(prog, 1000)
    print(f.out, f.vars)
    bad_programs: list[list[Instr]] = [
        [Push(1), Arith("add"), Halt()],
        [Load("x"), Halt()],
        [Push(1), Arith("pow"), Halt()],
        [Push(0), JumpIfZero(40)],
        [Jump(0)],
        [Instr(), Push(5), Print(), Halt()],
    ]
    for code in bad_programs:
        try:
            r = run(code, 50)
            print("ok", r.out)
        except VMError as e:
            print("vm error:", str(e), "at", e.pc)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
