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
#   unary     := "-" unary | NUM | NAME | "(" expr ")"
#
# Each parsing function takes the index of its first token and returns the
# index after its last, appending instructions to `out.code` as it goes.
# Errors are collected in `out.errors`; parsing then skips ahead.

from bytecode import (
    BINARY_OPS, CONST, LOAD, STORE, NEG, JUMP, JUMP_IF_FALSE, PRINT, HALT,
)


def constant(consts: list[int], value: int) -> int:
    """The index of `value` in the constant pool, adding it if new."""
    for i in range(len(consts)):
        if consts[i] == value:
            return i
    consts.append(value)
    return len(consts) - 1


def slot(names: list[str], name: str) -> int:
    """The variable slot of `name`, or -1 when it was never declared with `let`."""
    for i in range(len(names)):
        if names[i] == name:
            return i
    return -1


def expect(toks: list[tuple[str, str]], at: int, text: str, errors: list[str]) -> int:
    kind, found = toks[at]
    if found == text and kind != "end":
        return at + 1
    errors.append("expected '" + text + "' but found '" + found + "' (token " + str(at) + ")")
    return at + 1 if kind != "end" else at


def unary(toks: list[tuple[str, str]], at: int, code: list[int], consts: list[int],
          names: list[str], errors: list[str]) -> int:
    kind, text = toks[at]
    if kind == "op" and text == "-":
        at = unary(toks, at + 1, code, consts, names, errors)
        code.append(NEG)
        return at
    if kind == "num":
        code += [CONST, constant(consts, int(text))]
        return at + 1
    if kind == "name":
        s = slot(names, text)
        if s < 0:
            errors.append("unknown variable '" + text + "'")
        code += [LOAD, s]
        return at + 1
    if kind == "op" and text == "(":
        at = expr(toks, at + 1, code, consts, names, errors)
        return expect(toks, at, ")", errors)
    errors.append("unexpected '" + text + "' in an expression")
    return at + 1 if kind != "end" else at


def product(toks: list[tuple[str, str]], at: int, code: list[int], consts: list[int],
            names: list[str], errors: list[str]) -> int:
    at = unary(toks, at, code, consts, names, errors)
    while toks[at][1] in ["*", "/", "%"]:
        op = BINARY_OPS[toks[at][1]]
        at = unary(toks, at + 1, code, consts, names, errors)
        code.append(op)
    return at


def sum_(toks: list[tuple[str, str]], at: int, code: list[int], consts: list[int],
         names: list[str], errors: list[str]) -> int:
    at = product(toks, at, code, consts, names, errors)
    while toks[at][1] in ["+", "-"] and toks[at][0] == "op":
        op = BINARY_OPS[toks[at][1]]
        at = product(toks, at + 1, code, consts, names, errors)
        code.append(op)
    return at


def expr(toks: list[tuple[str, str]], at: int, code: list[int], consts: list[int],
         names: list[str], errors: list[str]) -> int:
    at = sum_(toks, at, code, consts, names, errors)
    text = toks[at][1]
    if toks[at][0] == "op" and text in ["<", "<=", ">", ">=", "==", "!="]:
        at = sum_(toks, at + 1, code, consts, names, errors)
        code.append(BINARY_OPS[text])
    return at


def block(toks: list[tuple[str, str]], at: int, code: list[int], consts: list[int],
          names: list[str], errors: list[str]) -> int:
    at = expect(toks, at, "{", errors)
    while toks[at][1] != "}" and toks[at][0] != "end":
        at = stmt(toks, at, code, consts, names, errors)
    return expect(toks, at, "}", errors)


def stmt(toks: list[tuple[str, str]], at: int, code: list[int], consts: list[int],
         names: list[str], errors: list[str]) -> int:
    kind, text = toks[at]
    if kind == "kw" and text == "let":
        name = toks[at + 1][1]
        if toks[at + 1][0] != "name":
            errors.append("expected a variable name after 'let'")
        at = expect(toks, at + 2, "=", errors)
        at = expr(toks, at, code, consts, names, errors)
        s = slot(names, name)
        if s < 0:
            names.append(name)
            s = len(names) - 1
        code += [STORE, s]
        return expect(toks, at, ";", errors)
    if kind == "kw" and text == "print":
        count = 1
        at = expr(toks, at + 1, code, consts, names, errors)
        while toks[at][1] == ",":
            at = expr(toks, at + 1, code, consts, names, errors)
            count += 1
        code += [PRINT, count]
        return expect(toks, at, ";", errors)
    if kind == "kw" and text == "while":
        top = len(code)
        at = expr(toks, at + 1, code, consts, names, errors)
        code += [JUMP_IF_FALSE, -1]
        exit_operand = len(code) - 1
        at = block(toks, at, code, consts, names, errors)
        code += [JUMP, top]
        code[exit_operand] = len(code)
        return at
    if kind == "kw" and text == "if":
        at = expr(toks, at + 1, code, consts, names, errors)
        code += [JUMP_IF_FALSE, -1]
        else_operand = len(code) - 1
        at = block(toks, at, code, consts, names, errors)
        if toks[at][1] == "else":
            code += [JUMP, -1]
            end_operand = len(code) - 1
            code[else_operand] = len(code)
            at = block(toks, at + 1, code, consts, names, errors)
            code[end_operand] = len(code)
        else:
            code[else_operand] = len(code)
        return at
    if kind == "name" and toks[at + 1][1] == "=":
        s = slot(names, text)
        if s < 0:
            errors.append("assignment to undeclared variable '" + text + "' (use 'let')")
        at = expr(toks, at + 2, code, consts, names, errors)
        code += [STORE, s]
        return expect(toks, at, ";", errors)
    errors.append("unexpected '" + text + "' at the start of a statement")
    return at + 1 if kind != "end" else at


def compile_program(toks: list[tuple[str, str]], code: list[int], consts: list[int],
                    names: list[str], errors: list[str]) -> None:
    for kind, text in toks:
        if kind == "err":
            errors.append("unexpected character '" + text + "'")
    at = 0
    while toks[at][0] != "end" and len(errors) == 0:
        at = stmt(toks, at, code, consts, names, errors)
    code.append(HALT)
