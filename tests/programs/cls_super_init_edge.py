# super().__init__() reaching object's __init__, classes without __init__ inheriting a
# grandparent's, and user exceptions whose parent has no __init__ of its own.


class Plain:
    def hello(self) -> str:
        return "plain"


class WithInit(Plain):
    n: int

    def __init__(self, n: int) -> None:
        super().__init__()
        self.n = n


class NoInit(WithInit):
    def hello(self) -> str:
        return "noinit " + str(self.n)


class Deeper(NoInit):
    extra: str

    def __init__(self) -> None:
        super().__init__(99)
        self.extra = "deep"


class BaseError(Exception):
    pass


class MidError(BaseError):
    pass


class LeafError(MidError):
    n: int

    def __init__(self, n: int) -> None:
        super().__init__("leaf " + str(n))
        self.n = n


def main(argv: list[str]) -> int:
    a = WithInit(1)
    b = NoInit(2)
    c = Deeper()
    print(a.hello(), a.n, b.hello(), b.n, c.hello(), c.n, c.extra)
    print(Plain().hello())
    for i in range(3):
        try:
            if i == 0:
                raise LeafError(5)
            if i == 1:
                raise MidError("mid")
            raise BaseError("base")
        except LeafError as e:
            print("leaf", str(e), e.n)
        except BaseError as e:
            print("base-ish", str(e), isinstance(e, MidError))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
