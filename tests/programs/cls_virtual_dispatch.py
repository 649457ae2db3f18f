# Virtual dispatch through a base-typed variable, parameter, field and list[Base].


class Base:
    tag: str

    def __init__(self, tag: str) -> None:
        self.tag = tag

    def name(self) -> str:
        return "Base"

    def weight(self) -> int:
        return 1

    def report(self) -> str:
        # Calls through self dispatch on the dynamic class.
        return self.tag + ":" + self.name() + "/" + str(self.weight())


class Left(Base):
    def name(self) -> str:
        return "Left"


class Right(Base):
    bonus: int

    def __init__(self, tag: str, bonus: int) -> None:
        super().__init__(tag)
        self.bonus = bonus

    def name(self) -> str:
        return "Right"

    def weight(self) -> int:
        return 10 + self.bonus


class FarRight(Right):
    def name(self) -> str:
        return "FarRight"


class Holder:
    item: Base

    def __init__(self, item: Base) -> None:
        self.item = item


def total(items: list[Base]) -> int:
    t = 0
    for it in items:
        t += it.weight()
    return t


def pick(i: int) -> Base:
    if i == 0:
        return Left("l")
    if i == 1:
        return Right("r", i)
    if i == 2:
        return FarRight("f", i * 5)
    return Base("b")


def main(argv: list[str]) -> int:
    b: Base = Base("x")
    print(b.report())
    b = Left("y")
    print(b.report())
    b = FarRight("z", 7)
    print(b.report(), b.name(), b.weight())
    items: list[Base] = []
    for i in range(6):
        items.append(pick(i % 4))
    for it in items:
        print(it.report())
    print("total", total(items))
    h = Holder(Right("held", 100))
    print(h.item.name(), h.item.weight())
    h.item = Left("swapped")
    print(h.item.report())
    names: list[str] = []
    for it in items:
        names.append(it.name())
    print(names)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
