# User exception classes with fields, own __init__ calling super().__init__(msg), a hierarchy,
# an exception class without __init__, and subclasses of ValueError / RuntimeError.


class LangError(Exception):
    line: int
    col: int

    def __init__(self, msg: str, line: int, col: int) -> None:
        super().__init__(msg)
        self.line = line
        self.col = col

    def where(self) -> str:
        return str(self.line) + ":" + str(self.col)


class SyntaxProblem(LangError):
    token: str

    def __init__(self, token: str, line: int, col: int) -> None:
        super().__init__("unexpected token " + repr(token), line, col)
        self.token = token


class TypeProblem(LangError):
    expected: str
    got: str

    def __init__(self, expected: str, got: str, line: int) -> None:
        LangError.__init__(self, "expected " + expected + ", got " + got, line, 0)
        self.expected = expected
        self.got = got


class Plain(Exception):
    pass


class BadNumber(ValueError):
    text: str

    def __init__(self, text: str) -> None:
        super().__init__("bad number: " + text)
        self.text = text


class Halt(RuntimeError):
    pass


def trigger(i: int) -> None:
    if i == 0:
        raise SyntaxProblem("}", 3, 14)
    if i == 1:
        raise TypeProblem("int", "str", 9)
    if i == 2:
        raise LangError("generic", 1, 1)
    if i == 3:
        raise Plain("plain message")
    if i == 4:
        raise BadNumber("12a")
    if i == 5:
        raise Halt("stop now")


def main(argv: list[str]) -> int:
    for i in range(7):
        try:
            trigger(i)
            print(i, "no error")
        except SyntaxProblem as e:
            print(i, "syntax", str(e), e.where(), e.token)
        except TypeProblem as e:
            print(i, "type", str(e), e.where(), e.expected, e.got)
        except LangError as e:
            print(i, "lang", str(e), e.where())
        except ValueError as e:
            print(i, "value", str(e))
            if isinstance(e, BadNumber):
                print("  text", e.text)
        except Plain as e:
            print(i, "plain", str(e))
        except RuntimeError as e:
            print(i, "runtime", str(e), isinstance(e, Halt))
    err = SyntaxProblem("(", 1, 2)
    print(str(err), err.line, err.col, isinstance(err, LangError), isinstance(err, Exception))
    err.line = 40
    print(err.where())
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
