# Extension methods call core implementations non-virtually, with
# `Base.method(self, ...)` and `super().method(...)`, including
# `super().__init__` and a core method that itself calls a virtual one.
from seam import export, load_extension


@export
class Counter:
    n: int
    history: list[str]

    def __init__(self, start: int) -> None:
        self.n = start
        self.history = ["init " + str(start)]

    def step(self, by: int) -> int:
        self.n += by
        self.history.append("core step " + str(by))
        return self.n

    def name(self) -> str:
        return "Counter"

    def report(self) -> str:
        # Dispatches on the dynamic class: an extension override is called.
        return self.name() + "=" + str(self.n)


@export
class Doubler(Counter):
    def step(self, by: int) -> int:
        self.history.append("doubler")
        return Counter.step(self, by * 2)

    def name(self) -> str:
        return "Doubler"


@export
class Owner:
    counters: list[Counter]

    def __init__(self) -> None:
        self.counters = []


def main(argv: list[str]) -> int:
    owner = Owner()
    load_extension("ext", owner)
    for c in owner.counters:
        print(c.step(1), c.step(10), c.report())
        print("  ", c.history)
    return 0
