# Keyword arguments are evaluated in the order they are written (after the
# receiver of a method call), for functions, constructors, methods,
# super() calls and Class.method(self, ...) calls; defaults fill the rest.


def g(tag: str, v: int) -> int:
    print(tag)
    return v


def kw(a: int, b: int, c: int = 5) -> int:
    return a * 100 + b * 10 + c


class K:
    x: int
    y: int

    def __init__(self, x: int, y: int = 2) -> None:
        self.x = x
        self.y = y

    def m(self, p: int, q: int, r: int = 0) -> int:
        return self.x * 1000 + p * 100 + q * 10 + r


class L(K):
    def __init__(self, x: int, y: int = 3) -> None:
        super().__init__(y=g("super y", y), x=g("super x", x))

    def m(self, p: int, q: int, r: int = 0) -> int:
        return K.m(self, q=g("K.m q", q), p=g("K.m p", p)) + super().m(r=r, q=g("sq", 1), p=0)


def obj(tag: str) -> K:
    print(tag)
    return K(7)


def boom(tag: str) -> int:
    print(tag)
    raise ValueError(tag)


def main(argv: list[str]) -> int:
    print(kw(b=g("b", 2), a=g("a", 1)))
    print(kw(g("pos", 1), c=g("c", 3), b=g("b", 2)))
    print(kw(c=g("c", 3), a=g("a", 1), b=g("b", 2)))
    k = K(y=g("y", 4), x=g("x", 3))
    print(k.x, k.y)
    print(obj("recv").m(q=g("q", 1), p=g("p", 2)))
    print(obj("recv2").m(r=g("r", 9), q=g("q", 1), p=g("p", 2)))
    l = L(y=g("Ly", 5), x=g("Lx", 6))
    print(l.x, l.y)
    print(l.m(q=g("lq", 1), p=g("lp", 2), r=g("lr", 3)))
    try:
        print(kw(b=boom("first"), a=boom("second")))
    except ValueError as e:
        print("ValueError", e)
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(main(sys.argv))
