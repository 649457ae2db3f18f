# expect: a name used or assigned in a function before its global declaration is a SyntaxError in CPython
X: int = 1
Y: int = 1


def reads() -> None:
    print(X)
    global X
    X = 2


def writes() -> None:
    Y = 3
    global Y


def main(argv: list[str]) -> int:
    reads()
    writes()
    return 0
