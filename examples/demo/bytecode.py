# The demo VM's instruction set, shared by the compiler, the disassembler and the VM.
#
# Every instruction is one word, two when it has an operand (a constant index,
# a variable slot, a jump target or a value count), or three for CALL (the
# index of the function's name in `funcs`, and the argument count).

CONST = 0
LOAD = 1
STORE = 2
ADD = 3
SUB = 4
MUL = 5
DIV = 6
MOD = 7
NEG = 8
LT = 9
LE = 10
GT = 11
GE = 12
EQ = 13
NE = 14
JUMP = 15
JUMP_IF_FALSE = 16
PRINT = 17
HALT = 18
CALL = 19

NAMES: list[str] = [
    "CONST", "LOAD", "STORE", "ADD", "SUB", "MUL", "DIV", "MOD", "NEG",
    "LT", "LE", "GT", "GE", "EQ", "NE", "JUMP", "JUMP_IF_FALSE", "PRINT", "HALT", "CALL",
]

# Binary operators of the source language and the instruction each compiles to.
BINARY_OPS: dict[str, int] = {
    "+": ADD, "-": SUB, "*": MUL, "/": DIV, "%": MOD,
    "<": LT, "<=": LE, ">": GT, ">=": GE, "==": EQ, "!=": NE,
}


class Chunk:
    """A compiled program: its instructions and the pools their operands index."""
    code: list[int]
    consts: list[int]
    names: list[str]        # variables, by slot
    funcs: list[str]        # the names of the functions it calls

    def __init__(self) -> None:
        self.code = []
        self.consts = []
        self.names = []
        self.funcs = []


def operands(op: int) -> int:
    """The number of operand words that follow `op`."""
    if op == CALL:
        return 2
    if op == CONST or op == LOAD or op == STORE or op == JUMP or op == JUMP_IF_FALSE or op == PRINT:
        return 1
    return 0


def pad(s: str, width: int) -> str:
    """`s` right-aligned in `width` columns."""
    return " " * (width - len(s)) + s


def disassemble(chunk: Chunk) -> list[str]:
    code = chunk.code
    lines: list[str] = []
    pc = 0
    while pc < len(code):
        op = code[pc]
        text = pad(str(pc), 4) + "  " + NAMES[op]
        for i in range(operands(op)):
            text += " " + str(code[pc + 1 + i])
        if op == CONST:
            text += "  (" + str(chunk.consts[code[pc + 1]]) + ")"
        elif op == LOAD or op == STORE:
            text += "  (" + chunk.names[code[pc + 1]] + ")"
        elif op == CALL:
            text += "  (" + chunk.funcs[code[pc + 1]] + ")"
        pc += 1 + operands(op)
        lines.append(text)
    return lines
