from main import Counter, Doubler, Owner


class Logged(Counter):
    prefix: str

    def __init__(self, start: int, prefix: str) -> None:
        super().__init__(start)
        self.prefix = prefix
        self.history.append("logged init")

    def step(self, by: int) -> int:
        self.history.append(self.prefix + " before")
        r = super().step(by)
        self.history.append(self.prefix + " after")
        return r

    def name(self) -> str:
        return self.prefix + ":" + super().name()


class Tripler(Doubler):
    def __init__(self) -> None:
        Doubler.__init__(self, 1000)

    def step(self, by: int) -> int:
        # Skips Doubler's override on purpose: Counter's, non-virtually.
        if by > 5:
            return Counter.step(self, by * 3)
        return super().step(by)

    def name(self) -> str:
        return "Tripler/" + Doubler.name(self) + "/" + Counter.name(self)


def init_module(owner: Owner) -> None:
    owner.counters.append(Counter(0))
    owner.counters.append(Doubler(0))
    owner.counters.append(Logged(5, "L"))
    owner.counters.append(Tripler())
    t = Tripler()
    print("ext direct:", t.step(2), Counter.report(t), Doubler.step(t, 1))
