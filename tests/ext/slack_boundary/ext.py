from main import Base, CoreSub, Space


class A(Base):
    def name(self) -> str:
        return "A"


class B(Base):
    def name(self) -> str:
        return "B"


class AA(A):
    def name(self) -> str:
        return "AA"


class AAA(AA):
    def name(self) -> str:
        return "AAA"


def row(o: Base) -> str:
    out = o.name() + ":"
    out += " Base" if isinstance(o, Base) else ""
    out += " CoreSub" if isinstance(o, CoreSub) else ""
    out += " A" if isinstance(o, A) else ""
    out += " B" if isinstance(o, B) else ""
    out += " AA" if isinstance(o, AA) else ""
    out += " AAA" if isinstance(o, AAA) else ""
    return out


def init_module(space: Space) -> None:
    space.objs.append(A())
    space.objs.append(B())
    space.objs.append(AA())
    space.objs.append(AAA())
    for o in space.objs:
        print(row(o))
