# A tokenizer and recursive-descent evaluator for integer arithmetic expressions
# with variables, unary minus, parentheses and precedence.

# Token kinds.
NUM = 0
IDENT = 1
OP = 2
END = 3

kinds: list[int] = []
texts: list[str] = []
pos: int = 0
variables: dict[str, int] = {}


def tokenize(src: str) -> str:
    """Fills kinds/texts; returns an error message or ''."""
    while len(kinds) > 0:
        kinds.pop()
        texts.pop()
    i = 0
    n = len(src)
    while i < n:
        ch = src[i]
        if ch.isspace():
            i += 1
        elif ch.isdigit():
            j = i
            while j < n and src[j].isdigit():
                j += 1
            kinds.append(NUM)
            texts.append(src[i:j])
            i = j
        elif ch.isalpha() or ch == "_":
            j = i
            while j < n and (src[j].isalpha() or src[j].isdigit() or src[j] == "_"):
                j += 1
            kinds.append(IDENT)
            texts.append(src[i:j])
            i = j
        elif ch in "+-*/%()=^":
            kinds.append(OP)
            texts.append(ch)
            i += 1
        else:
            return f"unexpected character {repr(ch)} at {i}"
    kinds.append(END)
    texts.append("")
    return ""


def peek() -> str:
    if kinds[pos] == OP:
        return texts[pos]
    return ""


def advance() -> None:
    global pos
    pos += 1


def parse_primary() -> int:
    kind = kinds[pos]
    text = texts[pos]
    if kind == NUM:
        advance()
        return int(text)
    if kind == IDENT:
        advance()
        if text not in variables:
            raise ValueError("unknown variable " + text)
        return variables[text]
    if text == "(":
        advance()
        value = parse_sum()
        if peek() != ")":
            raise ValueError("expected )")
        advance()
        return value
    if text == "-":
        advance()
        return -parse_power()
    raise ValueError("unexpected token " + repr(text))


def parse_power() -> int:
    base = parse_primary()
    if peek() == "^":
        advance()
        exp = parse_power()
        result: int = base ** exp
        return result
    return base


def parse_product() -> int:
    value = parse_power()
    while peek() in ["*", "/", "%"]:
        op = peek()
        advance()
        rhs = parse_power()
        if op == "*":
            value = value * rhs
        elif op == "/":
            value = value // rhs
        else:
            value = value % rhs
    return value


def parse_sum() -> int:
    value = parse_product()
    while peek() == "+" or peek() == "-":
        op = peek()
        advance()
        rhs = parse_product()
        if op == "+":
            value += rhs
        else:
            value -= rhs
    return value


def run_line(line: str) -> str:
    global pos
    err = tokenize(line)
    if err != "":
        return "error: " + err
    pos = 0
    target = ""
    if len(kinds) > 2 and kinds[0] == IDENT and texts[1] == "=":
        target = texts[0]
        pos = 2
    value = parse_sum()
    if kinds[pos] != END:
        return "error: trailing input at token " + str(pos)
    if target != "":
        variables[target] = value
        return target + " = " + str(value)
    return str(value)


def main(argv: list[str]) -> int:
    program = [
        "1 + 2 * 3",
        "(1 + 2) * 3",
        "2 ^ 3 ^ 2",
        "-2 ^ 2",
        "10 / 3",
        "-7 / 2",
        "-7 % 3",
        "x = 6 * 7",
        "y = x - 2 * (x / 5)",
        "x + y",
        "big = 2 ^ 40 + 1",
        "big % 1000003",
        "count_1 = (x + y) * (x - y) / 2",
        "  1+2   +3 ",
        "((((((((((1))))))))))",
        "3 $ 4",
        "1 2",
    ]
    for line in program:
        print(repr(line), "=>", run_line(line))
    print(variables)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
