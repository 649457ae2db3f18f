# The demo language's lexer: source text to a list of (kind, text) tokens.
#
# Kinds: "num" (a decimal integer), "name", "kw" (a keyword), "op" (an
# operator or punctuation mark), "err" (a character the language does not
# know) and "end" (always the last token).

KEYWORDS: list[str] = ["let", "print", "while", "if", "else"]
TWO_CHAR_OPS: list[str] = ["<=", ">=", "==", "!="]
ONE_CHAR_OPS = "+-*/%<>=(){};,"


def tokenize(src: str) -> list[tuple[str, str]]:
    tokens: list[tuple[str, str]] = []
    i = 0
    n = len(src)
    while i < n:
        c = src[i]
        if c.isspace():
            i += 1
        elif c == "#":
            while i < n and src[i] != "\n":
                i += 1
        elif c.isdigit():
            start = i
            while i < n and src[i].isdigit():
                i += 1
            tokens.append(("num", src[start:i]))
        elif c.isalpha() or c == "_":
            start = i
            while i < n and (src[i].isalpha() or src[i].isdigit() or src[i] == "_"):
                i += 1
            word = src[start:i]
            tokens.append(("kw" if word in KEYWORDS else "name", word))
        elif src[i:i + 2] in TWO_CHAR_OPS:
            tokens.append(("op", src[i:i + 2]))
            i += 2
        elif c in ONE_CHAR_OPS:
            tokens.append(("op", c))
            i += 1
        else:
            tokens.append(("err", c))
            i += 1
    tokens.append(("end", ""))
    return tokens
