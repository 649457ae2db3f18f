# `C | None` fields and locals narrowed with `is not None`, `is None` + early return, assert.


class Person:
    name: str
    boss: "Person | None"
    nickname: str | None

    def __init__(self, name: str, boss: "Person | None") -> None:
        self.name = name
        self.boss = boss
        self.nickname = None

    def chain(self) -> str:
        out = self.name
        p = self.boss
        while p is not None:
            out = out + " -> " + p.name
            p = p.boss
        return out

    def boss_name(self) -> str:
        if self.boss is not None:
            return self.boss.name
        return "(none)"

    def display(self) -> str:
        nick = self.nickname
        if nick is None:
            return self.name
        return self.name + " aka " + nick

    def top(self) -> "Person":
        p: Person = self
        while True:
            b = p.boss
            if b is None:
                return p
            p = b


def depth(p: Person | None) -> int:
    if p is None:
        return 0
    return 1 + depth(p.boss)


def main(argv: list[str]) -> int:
    ceo = Person("Ada", None)
    vp = Person("Bob", ceo)
    eng = Person("Cy", vp)
    intern = Person("Di", eng)
    for p in [ceo, vp, eng, intern]:
        print(p.chain(), "|", p.boss_name(), "|", depth(p), "|", p.top().name)
    eng.nickname = "the builder"
    print(eng.display(), "/", vp.display())
    intern.boss = ceo
    print(intern.chain())
    b = vp.boss
    assert b is not None
    print(b.name)
    vp.boss = None
    print(eng.chain(), depth(intern), depth(None))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
