from main import Base, Mid, World


class Sub(Mid):
    c: float

    def __init__(self, a: int, b: str, c: float) -> None:
        super().__init__(a, b)
        self.c = c

    def depth(self) -> int:
        return super().depth() + 1

    def chain(self) -> str:
        return "Sub(c=" + str(self.c) + ") < " + super().chain()

    def total(self) -> int:
        return Base.total(self) + int(self.c)

    def extra(self) -> str:
        return "sub extra"


class SubSub(Sub):
    d: list[int]

    def __init__(self, a: int, d: list[int]) -> None:
        super().__init__(a, "subsub", 0.5)
        self.d = d

    def depth(self) -> int:
        return super().depth() + 1

    def chain(self) -> str:
        return "SubSub(d=" + str(self.d) + ") < " + Sub.chain(self)

    def extra(self) -> str:
        return "subsub extra, then " + super().extra()


class SubSubSub(SubSub):
    e: Base

    def __init__(self, e: Base) -> None:
        super().__init__(100, [1, 2])
        self.e = e

    def depth(self) -> int:
        return SubSub.depth(self) + 1

    def total(self) -> int:
        return super().total() + self.e.total() + len(self.d)


class Side(Base):
    def depth(self) -> int:
        return 1

    def chain(self) -> str:
        return "Side < " + super().chain()


def levels(o: Base) -> str:
    out = ""
    out += "S" if isinstance(o, Sub) else "-"
    out += "2" if isinstance(o, SubSub) else "-"
    out += "3" if isinstance(o, SubSubSub) else "-"
    out += "s" if isinstance(o, Side) else "-"
    return out


def init_module(world: World) -> None:
    world.objs.append(Sub(3, "three", 3.75))
    world.objs.append(SubSub(4, [4]))
    world.objs.append(SubSubSub(Sub(5, "five", 5.0)))
    world.objs.append(Side(6))
    for o in world.objs:
        line = levels(o)
        if isinstance(o, Sub):
            line += " " + o.extra() + " c=" + str(o.c) + " b=" + o.b
        if isinstance(o, SubSub):
            line += " d=" + str(o.d)
        if isinstance(o, SubSubSub):
            line += " e.depth=" + str(o.e.depth())
        print("ext:", o.depth(), line)
