# An eight-level hierarchy with sibling branches: isinstance at every depth, inherited
# methods resolved at different levels, fields from every level.


class L0:
    f0: int

    def __init__(self) -> None:
        self.f0 = 0

    def who(self) -> str:
        return "L0"

    def depth(self) -> int:
        return 0


class L1(L0):
    f1: int

    def __init__(self) -> None:
        super().__init__()
        self.f1 = 1

    def depth(self) -> int:
        return 1


class L2(L1):
    f2: int

    def __init__(self) -> None:
        super().__init__()
        self.f2 = 2

    def who(self) -> str:
        return "L2"

    def depth(self) -> int:
        return 2


class L3(L2):
    f3: int

    def __init__(self) -> None:
        super().__init__()
        self.f3 = 3

    def depth(self) -> int:
        return 3


class L4(L3):
    f4: int

    def __init__(self) -> None:
        super().__init__()
        self.f4 = 4


class L5(L4):
    f5: int

    def __init__(self) -> None:
        super().__init__()
        self.f5 = 5

    def who(self) -> str:
        return "L5>" + super().who()

    def depth(self) -> int:
        return 5


class L6(L5):
    f6: int

    def __init__(self) -> None:
        super().__init__()
        self.f6 = 6


class L7(L6):
    f7: int

    def __init__(self) -> None:
        super().__init__()
        self.f7 = 7

    def depth(self) -> int:
        return 7 + L3.depth(self) * 100


class B2(L1):
    g: str

    def __init__(self) -> None:
        super().__init__()
        self.g = "branch"

    def who(self) -> str:
        return "B2"


class B3(B2):
    pass


def sig(x: L0) -> str:
    bits = ""
    for hit in [isinstance(x, L1), isinstance(x, L2), isinstance(x, L3), isinstance(x, L4),
                isinstance(x, L5), isinstance(x, L6), isinstance(x, L7), isinstance(x, B2), isinstance(x, B3)]:
        bits += "1" if hit else "0"
    return bits


def field_sum(x: L0) -> int:
    s = x.f0
    if isinstance(x, L1):
        s += x.f1
    if isinstance(x, L2):
        s += x.f2
    if isinstance(x, L3):
        s += x.f3
    if isinstance(x, L4):
        s += x.f4
    if isinstance(x, L5):
        s += x.f5
    if isinstance(x, L6):
        s += x.f6
    if isinstance(x, L7):
        s += x.f7
    if isinstance(x, B2):
        s += len(x.g)
    return s


def main(argv: list[str]) -> int:
    objs: list[L0] = [L0(), L1(), L2(), L3(), L4(), L5(), L6(), L7(), B2(), B3()]
    for o in objs:
        print(o.who(), o.depth(), sig(o), field_sum(o))
    seven = L7()
    print(seven.f0, seven.f1, seven.f2, seven.f3, seven.f4, seven.f5, seven.f6, seven.f7)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
