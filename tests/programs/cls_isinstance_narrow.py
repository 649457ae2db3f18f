# isinstance narrowing: subclass-only fields and methods after `if isinstance(x, C)`.


class Token:
    pos: int

    def __init__(self, pos: int) -> None:
        self.pos = pos


class Num(Token):
    value: int

    def __init__(self, pos: int, value: int) -> None:
        super().__init__(pos)
        self.value = value


class Name(Token):
    ident: str

    def __init__(self, pos: int, ident: str) -> None:
        super().__init__(pos)
        self.ident = ident

    def upper(self) -> str:
        return self.ident.upper()


class Keyword(Name):
    def is_control(self) -> bool:
        return self.ident in ["if", "while", "for"]


class Op(Token):
    op: str

    def __init__(self, pos: int, op: str) -> None:
        super().__init__(pos)
        self.op = op


def describe(t: Token) -> str:
    if isinstance(t, Num):
        return "num " + str(t.value + 1)
    elif isinstance(t, Keyword):
        return "kw " + t.ident + " control=" + str(t.is_control())
    elif isinstance(t, Name):
        return "name " + t.upper()
    if not isinstance(t, Op):
        return "unknown at " + str(t.pos)
    return "op " + t.op * 2


def tokenize(src: str) -> list[Token]:
    out: list[Token] = []
    i = 0
    while i < len(src):
        ch = src[i]
        if ch.isdigit():
            j = i
            while j < len(src) and src[j].isdigit():
                j += 1
            out.append(Num(i, int(src[i:j])))
            i = j
        elif ch.isalpha():
            j = i
            while j < len(src) and src[j].isalpha():
                j += 1
            word = src[i:j]
            if word in ["if", "while", "else", "for"]:
                out.append(Keyword(i, word))
            else:
                out.append(Name(i, word))
            i = j
        elif ch == " ":
            i += 1
        elif ch in "+-*/<>=":
            out.append(Op(i, ch))
            i += 1
        else:
            out.append(Token(i))
            i += 1
    return out


def main(argv: list[str]) -> int:
    toks = tokenize("if x1 < 42 while y else z + 7 ? for")
    for t in toks:
        print(t.pos, describe(t))
    nums = 0
    names = 0
    for t in toks:
        if isinstance(t, Num):
            nums += t.value
        if isinstance(t, Name) and not isinstance(t, Keyword):
            names += len(t.ident)
    print(nums, names)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
