# An interpreter loop, the kind of code Seam exists for: a small stack-based
# bytecode VM (dispatch on an integer opcode, an operand stack, local slots)
# running a nested-loop program.

PUSH = 0
LOAD = 1
STORE = 2
ADD = 3
SUB = 4
MUL = 5
MOD = 6
LT = 7
JUMP_IF_FALSE = 8
JUMP = 9
HALT = 10


def assemble() -> list[int]:
    # total = 0; i = 0
    # while i < n: j = 0; while j < 100: total = (total + i * j) % 1000003; j += 1
    #              i += 1
    code: list[int] = []
    code += [PUSH, 0, STORE, 1]          # total = 0
    code += [PUSH, 0, STORE, 2]          # i = 0
    outer = len(code)
    code += [LOAD, 2, LOAD, 0, LT, JUMP_IF_FALSE, -1]
    outer_exit = len(code) - 1
    code += [PUSH, 0, STORE, 3]          # j = 0
    inner = len(code)
    code += [LOAD, 3, PUSH, 100, LT, JUMP_IF_FALSE, -1]
    inner_exit = len(code) - 1
    code += [LOAD, 1, LOAD, 2, LOAD, 3, MUL, ADD, PUSH, 1000003, MOD, STORE, 1]
    code += [LOAD, 3, PUSH, 1, ADD, STORE, 3, JUMP, inner]
    code[inner_exit] = len(code)
    code += [LOAD, 2, PUSH, 1, ADD, STORE, 2, JUMP, outer]
    code[outer_exit] = len(code)
    code += [LOAD, 1, HALT]
    return code


def run(code: list[int], n: int) -> int:
    stack: list[int] = []
    slots = [n, 0, 0, 0]
    pc = 0
    while True:
        op = code[pc]
        if op == PUSH:
            stack.append(code[pc + 1])
            pc += 2
        elif op == LOAD:
            stack.append(slots[code[pc + 1]])
            pc += 2
        elif op == STORE:
            slots[code[pc + 1]] = stack.pop()
            pc += 2
        elif op == ADD:
            b = stack.pop()
            a = stack.pop()
            stack.append(a + b)
            pc += 1
        elif op == SUB:
            b = stack.pop()
            a = stack.pop()
            stack.append(a - b)
            pc += 1
        elif op == MUL:
            b = stack.pop()
            a = stack.pop()
            stack.append(a * b)
            pc += 1
        elif op == MOD:
            b = stack.pop()
            a = stack.pop()
            stack.append(a % b)
            pc += 1
        elif op == LT:
            b = stack.pop()
            a = stack.pop()
            stack.append(1 if a < b else 0)
            pc += 1
        elif op == JUMP_IF_FALSE:
            if stack.pop() == 0:
                pc = code[pc + 1]
            else:
                pc += 2
        elif op == JUMP:
            pc = code[pc + 1]
        else:
            return stack.pop()


def main(argv: list[str]) -> int:
    n = 4000
    if len(argv) > 1:
        n = int(argv[1])
    code = assemble()
    print("bytecode words:", len(code))
    print("result:", run(code, n))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
