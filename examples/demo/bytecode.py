# The demo VM's instruction set, shared by the compiler, the disassembler and the VM.
#
# Every instruction is one word, or two when it has an operand (a constant
# index, a variable slot or a jump target).

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

NAMES: list[str] = [
    "CONST", "LOAD", "STORE", "ADD", "SUB", "MUL", "DIV", "MOD", "NEG",
    "LT", "LE", "GT", "GE", "EQ", "NE", "JUMP", "JUMP_IF_FALSE", "PRINT", "HALT",
]

# Binary operators of the source language and the instruction each compiles to.
BINARY_OPS: dict[str, int] = {
    "+": ADD, "-": SUB, "*": MUL, "/": DIV, "%": MOD,
    "<": LT, "<=": LE, ">": GT, ">=": GE, "==": EQ, "!=": NE,
}


def has_operand(op: int) -> bool:
    return op == CONST or op == LOAD or op == STORE or op == JUMP or op == JUMP_IF_FALSE or op == PRINT


def pad(s: str, width: int) -> str:
    """`s` right-aligned in `width` columns."""
    return " " * (width - len(s)) + s


def disassemble(code: list[int], consts: list[int], names: list[str]) -> list[str]:
    lines: list[str] = []
    pc = 0
    while pc < len(code):
        op = code[pc]
        text = pad(str(pc), 4) + "  " + NAMES[op]
        if has_operand(op):
            arg = code[pc + 1]
            text += " " + str(arg)
            if op == CONST:
                text += "  (" + str(consts[arg]) + ")"
            elif op == LOAD or op == STORE:
                text += "  (" + names[arg] + ")"
            pc += 2
        else:
            pc += 1
        lines.append(text)
    return lines
