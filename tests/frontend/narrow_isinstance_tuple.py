class Expr:
    def __init__(self) -> None:
        pass


class Num(Expr):
    n: int

    def __init__(self, n: int) -> None:
        super().__init__()
        self.n = n


class Neg(Num):
    pass


class Var(Expr):
    name: str

    def __init__(self, name: str) -> None:
        super().__init__()
        self.name = name


def show(e: Expr) -> str:
    if isinstance(e, (Num, Var)):
        return "leaf"
    return "node"


def value(e: Expr) -> int:
    return e.n if isinstance(e, Num) and not isinstance(e, Neg) else 0


def main(argv: list[str]) -> int:
    print(show(Num(1)), show(Var("x")), show(Expr()), value(Num(4)), value(Neg(5)))
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(main(sys.argv))
