from main import Op, Stream, Token

LIMIT = 3
PREFIX = "ext"


class Paren(Token):
    KIND = "paren"
    GROUPED = True

    def describe(self) -> str:
        return PREFIX + " describes " + self.show() + " then " + Token.describe(self)


class Power(Op):
    PRIORITY = 9
    WEIGHT = 0.25


class Caret(Power):
    KIND = "caret"


def init_module(s: Stream) -> None:
    s.tokens.append(Paren("("))
    s.tokens.append(Power("**"))
    s.tokens.append(Caret("^"))
    for t in s.tokens[:LIMIT]:
        print("ext:", t.show(), t.KIND)
