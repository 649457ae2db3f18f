# A Brainfuck interpreter with precomputed bracket jumps.


def match_brackets(code: str) -> dict[int, int]:
    jumps: dict[int, int] = {}
    stack: list[int] = []
    for i in range(len(code)):
        c = code[i]
        if c == "[":
            stack.append(i)
        elif c == "]":
            j = stack.pop()
            jumps[i] = j
            jumps[j] = i
    return jumps


def run(code: str, input_text: str) -> str:
    jumps = match_brackets(code)
    tape: list[int] = [0] * 300
    ptr = 0
    pc = 0
    inp = 0
    out = ""
    n = len(code)
    while pc < n:
        c = code[pc]
        if c == ">":
            ptr += 1
        elif c == "<":
            ptr -= 1
        elif c == "+":
            tape[ptr] = (tape[ptr] + 1) % 256
        elif c == "-":
            tape[ptr] = (tape[ptr] - 1) % 256
        elif c == ".":
            out = out + chr(tape[ptr])
        elif c == ",":
            # At end of input the cell is left unchanged.
            if inp < len(input_text):
                tape[ptr] = ord(input_text[inp])
                inp += 1
        elif c == "[":
            if tape[ptr] == 0:
                pc = jumps[pc]
        elif c == "]":
            if tape[ptr] != 0:
                pc = jumps[pc]
        pc += 1
    return out


HELLO = "++++++++[>++++[>++>+++>+++>+<<<<-]>+>+>->>+[<]<-]>>.>---.+++++++..+++.>>.<-.<.+++.------.--------.>>+.>++."
REVERSE = ">,[>,]<[.<]"
ROT13 = "-,+[-[>>++++[>++++++++<-]<+<-[>+>+>-[>>>]<[[>+<-]>>+>]<<<<<-]]>>>[-]+>--[-[<->+++[-]]]<[++++++++++++<[>-[>+>>]>[+[<+>-]>+>>]<<<<<-]>>[<+>-]>[-[-<<[-]>>]<<[<<->>-]>>]<<[<<+>>-]]<[-]<.[-]<-,+]"


def main(argv: list[str]) -> int:
    print(repr(run(HELLO, "")))
    print(run(REVERSE, "stressed"))
    print(run(ROT13, "Hello, Seam!"))
    print(run(ROT13, run(ROT13, "round trip")))
    print(len(match_brackets(ROT13)))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
