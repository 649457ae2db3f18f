# The demo language's compiler: tokens to bytecode, by recursive descent.
#
#   program   := stmt*
#   stmt      := "let" NAME "=" expr ";" | NAME "=" expr ";"
#              | "print" expr ("," expr)* ";"
#              | "while" expr block | "if" expr block ("else" block)?
#   block     := "{" stmt* "}"
#   expr      := sum (("<" | "<=" | ">" | ">=" | "==" | "!=") sum)?
#   sum       := product (("+" | "-") product)*
#   product   := unary (("*" | "/" | "%") unary)*
#   unary     := "-" unary | NUM | NAME | call | "(" expr ")"
#   call      := NAME "(" (expr ("," expr)*)? ")"
#
# Each parsing function takes the index of its first token and returns the
# index after its last, appending instructions to `out.code` as it goes.
# Errors are collected in `errors`; parsing then skips ahead.
#
# A call compiles to CALL with the callee's name (an index into `out.funcs`)
# and its argument count: functions are looked up by name when the program
# runs, so a program can call builtins that an extension registered.

from bytecode import (
    BINARY_OPS, CONST, LOAD, STORE, NEG, JUMP, JUMP_IF_FALSE, PRINT, HALT, CALL, Chunk,
)


def constant(consts: list[int], value: int) -> int:
    """The index of `value` in the constant pool, adding it if new."""
    for i in range(len(consts)):
        if consts[i] == value:
            return i
    consts.append(value)
    return len(consts) - 1


def slot(names: list[str], name: str) -> int:
    """The index of `name` in `names` (a variable's slot), or -1 when absent."""
    for i in range(len(names)):
        if names[i] == name:
            return i
    return -1


def call(toks: list[tuple[str, str]], at: int, out: Chunk, errors: list[str]) -> int:
    """`NAME ( args )`, starting at NAME."""
    name = toks[at][1]
    f = slot(out.funcs, name)
    if f < 0:
        out.funcs.append(name)
        f = len(out.funcs) - 1
    at += 2
    count = 0
    if toks[at][1] != ")":
        at = expr(toks, at, out, errors)
        count = 1
        while toks[at][1] == "," and toks[at][0] == "op":
            at = expr(toks, at + 1, out, errors)
            count += 1
    out.code += [CALL, f, count]
    return expect(toks, at, ")", errors)


def expect(toks: list[tuple[str, str]], at: int, text: str, errors: list[str]) -> int:
    kind, found = toks[at]
    if found == text and kind != "end":
        return at + 1
    errors.append("expected '" + text + "' but found '" + found + "' (token " + str(at) + ")")
    return at + 1 if kind != "end" else at


def unary(toks: list[tuple[str, str]], at: int, out: Chunk, errors: list[str]) -> int:
    kind, text = toks[at]
    if kind == "op" and text == "-":
        at = unary(toks, at + 1, out, errors)
        out.code.append(NEG)
        return at
    if kind == "num":
        out.code += [CONST, constant(out.consts, int(text))]
        return at + 1
    if kind == "name" and toks[at + 1][1] == "(":
        return call(toks, at, out, errors)
    if kind == "name":
        s = slot(out.names, text)
        if s < 0:
            errors.append("unknown variable '" + text + "'")
        out.code += [LOAD, s]
        return at + 1
    if kind == "op" and text == "(":
        at = expr(toks, at + 1, out, errors)
        return expect(toks, at, ")", errors)
    errors.append("unexpected '" + text + "' in an expression")
    return at + 1 if kind != "end" else at


def product(toks: list[tuple[str, str]], at: int, out: Chunk, errors: list[str]) -> int:
    at = unary(toks, at, out, errors)
    while toks[at][1] in ["*", "/", "%"]:
        op = BINARY_OPS[toks[at][1]]
        at = unary(toks, at + 1, out, errors)
        out.code.append(op)
    return at


def sum_(toks: list[tuple[str, str]], at: int, out: Chunk, errors: list[str]) -> int:
    at = product(toks, at, out, errors)
    while toks[at][1] in ["+", "-"] and toks[at][0] == "op":
        op = BINARY_OPS[toks[at][1]]
        at = product(toks, at + 1, out, errors)
        out.code.append(op)
    return at


def expr(toks: list[tuple[str, str]], at: int, out: Chunk, errors: list[str]) -> int:
    at = sum_(toks, at, out, errors)
    text = toks[at][1]
    if toks[at][0] == "op" and text in ["<", "<=", ">", ">=", "==", "!="]:
        at = sum_(toks, at + 1, out, errors)
        out.code.append(BINARY_OPS[text])
    return at


def block(toks: list[tuple[str, str]], at: int, out: Chunk, errors: list[str]) -> int:
    at = expect(toks, at, "{", errors)
    while toks[at][1] != "}" and toks[at][0] != "end":
        at = stmt(toks, at, out, errors)
    return expect(toks, at, "}", errors)


def stmt(toks: list[tuple[str, str]], at: int, out: Chunk, errors: list[str]) -> int:
    kind, text = toks[at]
    if kind == "kw" and text == "let":
        name = toks[at + 1][1]
        if toks[at + 1][0] != "name":
            errors.append("expected a variable name after 'let'")
        at = expect(toks, at + 2, "=", errors)
        at = expr(toks, at, out, errors)
        s = slot(out.names, name)
        if s < 0:
            out.names.append(name)
            s = len(out.names) - 1
        out.code += [STORE, s]
        return expect(toks, at, ";", errors)
    if kind == "kw" and text == "print":
        count = 1
        at = expr(toks, at + 1, out, errors)
        while toks[at][1] == ",":
            at = expr(toks, at + 1, out, errors)
            count += 1
        out.code += [PRINT, count]
        return expect(toks, at, ";", errors)
    if kind == "kw" and text == "while":
        top = len(out.code)
        at = expr(toks, at + 1, out, errors)
        out.code += [JUMP_IF_FALSE, -1]
        exit_operand = len(out.code) - 1
        at = block(toks, at, out, errors)
        out.code += [JUMP, top]
        out.code[exit_operand] = len(out.code)
        return at
    if kind == "kw" and text == "if":
        at = expr(toks, at + 1, out, errors)
        out.code += [JUMP_IF_FALSE, -1]
        else_operand = len(out.code) - 1
        at = block(toks, at, out, errors)
        if toks[at][1] == "else":
            out.code += [JUMP, -1]
            end_operand = len(out.code) - 1
            out.code[else_operand] = len(out.code)
            at = block(toks, at + 1, out, errors)
            out.code[end_operand] = len(out.code)
        else:
            out.code[else_operand] = len(out.code)
        return at
    if kind == "name" and toks[at + 1][1] == "=":
        s = slot(out.names, text)
        if s < 0:
            errors.append("assignment to undeclared variable '" + text + "' (use 'let')")
        at = expr(toks, at + 2, out, errors)
        out.code += [STORE, s]
        return expect(toks, at, ";", errors)
    errors.append("unexpected '" + text + "' at the start of a statement")
    return at + 1 if kind != "end" else at


def compile_program(toks: list[tuple[str, str]], out: Chunk, errors: list[str]) -> None:
    for kind, text in toks:
        if kind == "err":
            errors.append("unexpected character '" + text + "'")
    at = 0
    while toks[at][0] != "end" and len(errors) == 0:
        at = stmt(toks, at, out, errors)
    out.code.append(HALT)
