# The demo VM: a stack machine with a dispatch loop over integer opcodes, and
# the space of builtin functions that programs call by name.
#
# `run` returns the number of instructions executed; output goes to stdout.
# Division and modulo floor like Python's.  A runtime error of the language
# (dividing by zero, calling an unknown builtin or with the wrong number of
# arguments, or whatever a builtin rejects) raises LangError, which stops the
# program without crashing the host.
#
# Builtin, Space and LangError are exported: an extension module, compiled
# separately against the core's exports file, subclasses Builtin and
# registers its functions in the Space; the VM calls them virtually.

from seam import export

from bytecode import (
    CONST, LOAD, STORE, ADD, SUB, MUL, DIV, MOD, NEG, LT, LE, GT, GE, EQ, NE,
    JUMP, JUMP_IF_FALSE, PRINT, CALL, Chunk,
)


@export
class LangError(Exception):
    """A runtime error of the demo language."""


@export
class Builtin:
    """A function that programs call by name; subclasses override `call`."""
    name: str
    arity: int

    def __init__(self, name: str, arity: int) -> None:
        self.name = name
        self.arity = arity

    def call(self, args: list[int]) -> int:
        raise LangError(self.name + "() is not implemented")


@export
class Space:
    """The builtins a program can call, by name."""
    builtins: dict[str, Builtin]

    def __init__(self) -> None:
        self.builtins = {}

    def register(self, b: Builtin) -> None:
        self.builtins[b.name] = b

    def lookup(self, name: str, argc: int) -> Builtin:
        if name not in self.builtins:
            raise LangError("unknown function '" + name + "'")
        b = self.builtins[name]
        if b.arity != argc:
            raise LangError(name + "() takes " + count(b.arity, "argument") + " but "
                            + str(argc) + (" was" if argc == 1 else " were") + " given")
        return b


def count(n: int, noun: str) -> str:
    return str(n) + " " + noun + ("" if n == 1 else "s")


class Abs(Builtin):
    def __init__(self) -> None:
        super().__init__("abs", 1)

    def call(self, args: list[int]) -> int:
        return abs(args[0])


class Max(Builtin):
    def __init__(self) -> None:
        super().__init__("max", 2)

    def call(self, args: list[int]) -> int:
        return max(args[0], args[1])


class Min(Builtin):
    def __init__(self) -> None:
        super().__init__("min", 2)

    def call(self, args: list[int]) -> int:
        return min(args[0], args[1])


def core_builtins() -> list[Builtin]:
    return [Abs(), Max(), Min()]


def run(chunk: Chunk, space: Space) -> int:
    code = chunk.code
    consts = chunk.consts
    stack: list[int] = []
    env = [0] * len(chunk.names)
    pc = 0
    steps = 0
    while True:
        op = code[pc]
        steps += 1
        if op == CONST:
            stack.append(consts[code[pc + 1]])
            pc += 2
        elif op == LOAD:
            stack.append(env[code[pc + 1]])
            pc += 2
        elif op == STORE:
            env[code[pc + 1]] = stack.pop()
            pc += 2
        elif op == JUMP:
            pc = code[pc + 1]
        elif op == JUMP_IF_FALSE:
            pc = pc + 2 if stack.pop() != 0 else code[pc + 1]
        elif op == NEG:
            stack.append(-stack.pop())
            pc += 1
        elif op == PRINT:
            count = code[pc + 1]
            words: list[str] = []
            for i in range(count):
                words.append(str(stack.pop()))
            words.reverse()
            print("   ", " ".join(words))
            pc += 2
        elif op >= ADD and op <= NE:
            b = stack.pop()
            a = stack.pop()
            if (op == DIV or op == MOD) and b == 0:
                raise LangError("division by zero at " + str(pc))
            stack.append(binary(op, a, b))
            pc += 1
        elif op == CALL:
            argc = code[pc + 2]
            fn = space.lookup(chunk.funcs[code[pc + 1]], argc)
            args = [0] * argc
            for i in range(argc):
                args[argc - 1 - i] = stack.pop()
            stack.append(fn.call(args))
            pc += 3
        else:
            return steps


def binary(op: int, a: int, b: int) -> int:
    if op == ADD:
        return a + b
    if op == SUB:
        return a - b
    if op == MUL:
        return a * b
    if op == DIV:
        return a // b
    if op == MOD:
        return a % b
    if op == LT:
        return 1 if a < b else 0
    if op == LE:
        return 1 if a <= b else 0
    if op == GT:
        return 1 if a > b else 0
    if op == GE:
        return 1 if a >= b else 0
    if op == EQ:
        return 1 if a == b else 0
    return 1 if a != b else 0
