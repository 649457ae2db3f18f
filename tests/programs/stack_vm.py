# A tiny stack virtual machine: an assembler from text to (opcode, argument)
# pairs, and an interpreter loop with jumps, calls and a data stack.

PUSH = 0
ADD = 1
SUB = 2
MUL = 3
DIV = 4
MOD = 5
DUP = 6
SWAP = 7
DROP = 8
JMP = 9
JZ = 10
LOAD = 11
STORE = 12
PRINT = 13
CALL = 14
RET = 15
HALT = 16
LT = 17
OVER = 18

NAMES: dict[str, int] = {
    "push": PUSH, "add": ADD, "sub": SUB, "mul": MUL, "div": DIV, "mod": MOD,
    "dup": DUP, "swap": SWAP, "drop": DROP, "jmp": JMP, "jz": JZ, "load": LOAD,
    "store": STORE, "print": PRINT, "call": CALL, "ret": RET, "halt": HALT,
    "lt": LT, "over": OVER,
}


def assemble(src: str) -> list[tuple[int, int]]:
    labels: dict[str, int] = {}
    lines: list[list[str]] = []
    for raw in src.split("\n"):
        line = raw.strip()
        hash_at = line.find("#")
        if hash_at >= 0:
            line = line[:hash_at].strip()
        if line == "":
            continue
        if line.endswith(":"):
            labels[line[:-1]] = len(lines)
            continue
        lines.append(line.split())
    code: list[tuple[int, int]] = []
    for parts in lines:
        op = NAMES[parts[0]]
        arg = 0
        if len(parts) > 1:
            a = parts[1]
            if a in labels:
                arg = labels[a]
            else:
                arg = int(a)
        code.append((op, arg))
    return code


def run(code: list[tuple[int, int]], out: list[str]) -> int:
    stack: list[int] = []
    calls: list[int] = []
    memory: list[int] = [0] * 16
    pc = 0
    steps = 0
    while True:
        op, arg = code[pc]
        pc += 1
        steps += 1
        if op == PUSH:
            stack.append(arg)
        elif op == ADD:
            b = stack.pop()
            stack.append(stack.pop() + b)
        elif op == SUB:
            b = stack.pop()
            stack.append(stack.pop() - b)
        elif op == MUL:
            b = stack.pop()
            stack.append(stack.pop() * b)
        elif op == DIV:
            b = stack.pop()
            stack.append(stack.pop() // b)
        elif op == MOD:
            b = stack.pop()
            stack.append(stack.pop() % b)
        elif op == LT:
            b = stack.pop()
            stack.append(1 if stack.pop() < b else 0)
        elif op == DUP:
            stack.append(stack[-1])
        elif op == OVER:
            stack.append(stack[-2])
        elif op == SWAP:
            b = stack.pop()
            a = stack.pop()
            stack.append(b)
            stack.append(a)
        elif op == DROP:
            stack.pop()
        elif op == JMP:
            pc = arg
        elif op == JZ:
            if stack.pop() == 0:
                pc = arg
        elif op == LOAD:
            stack.append(memory[arg])
        elif op == STORE:
            memory[arg] = stack.pop()
        elif op == PRINT:
            out.append(str(stack.pop()))
        elif op == CALL:
            calls.append(pc)
            pc = arg
        elif op == RET:
            pc = calls.pop()
        elif op == HALT:
            return steps
        else:
            raise RuntimeError("bad opcode " + str(op))


FACTORIAL = """
    push 10
    store 0          # n
    push 1
    store 1          # acc
loop:
    load 0
    jz done
    load 1
    load 0
    mul
    store 1
    load 0
    push 1
    sub
    store 0
    jmp loop
done:
    load 1
    print
    halt
"""

FIB_CALLS = """
    push 0
    store 2          # i
next:
    load 2
    push 15
    lt
    jz end
    load 2
    call fib
    print
    load 2
    push 1
    add
    store 2
    jmp next
end:
    halt
fib:                 # iterative fib of the top of stack
    store 3
    push 0
    store 4
    push 1
    store 5
fibloop:
    load 3
    jz fibdone
    load 4
    load 5
    dup
    store 4
    add
    store 5
    load 3
    push 1
    sub
    store 3
    jmp fibloop
fibdone:
    load 4
    ret
"""

GCD = """
    push 1071
    push 462
gcd:
    dup
    jz gcddone
    swap
    over
    mod
    jmp gcd
gcddone:
    drop
    print
    halt
"""


def main(argv: list[str]) -> int:
    for name, src in [("factorial", FACTORIAL), ("fib", FIB_CALLS), ("gcd", GCD)]:
        code = assemble(src)
        out: list[str] = []
        steps = run(code, out)
        print(name, "instructions", len(code), "steps", steps)
        print("  output:", " ".join(out))
    print(assemble("push 1\nx:\njmp x\n"))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
