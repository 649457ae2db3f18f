# The demo VM: a stack machine with a dispatch loop over integer opcodes.
#
# Returns the number of instructions executed; output goes to stdout.  Division
# and modulo floor like Python's; dividing by zero stops the machine with an
# error message instead of crashing the host.

from bytecode import (
    CONST, LOAD, STORE, ADD, SUB, MUL, DIV, MOD, NEG, LT, LE, GT, GE, EQ, NE,
    JUMP, JUMP_IF_FALSE, PRINT,
)


def run(code: list[int], consts: list[int], nvars: int) -> int:
    stack: list[int] = []
    env = [0] * nvars
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
                print("    error: division by zero at", pc)
                return steps
            stack.append(binary(op, a, b))
            pc += 1
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
