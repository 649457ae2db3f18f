# After `if isinstance(x, Sub): ...` inside `if x is not None:`, x is still
# not None (the two branches' narrowings join at their common base), as in
# mypy. Found by seam-gen, which the checker refused this for.


class Base:
    a: int

    def __init__(self, a: int) -> None:
        self.a = a


class Mid(Base):
    def twice(self) -> int:
        return self.a * 2


class Leaf(Mid):
    pass


class Side(Base):
    pass


def pick(i: int) -> Base | None:
    if i == 0:
        return None
    if i == 1:
        return Mid(10)
    if i == 2:
        return Leaf(20)
    return Side(30)


def main(argv: list[str]) -> int:
    for i in range(4):
        v = pick(i)
        if v is not None:
            if isinstance(v, Mid):
                print("mid", v.twice())
            print(v.a)
            if isinstance(v, Leaf):
                print("leaf")
            elif isinstance(v, Side):
                print("side")
            print(v.a + 1)
        else:
            print("none")
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(main(sys.argv))
