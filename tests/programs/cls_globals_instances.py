# Module-level globals holding instances, lists of instances and a registry dict, initialised
# in source order and mutated through `global` and through the objects themselves.


class Counter:
    name: str
    n: int

    def __init__(self, name: str) -> None:
        self.name = name
        self.n = 0

    def bump(self) -> int:
        self.n += 1
        return self.n


class Special(Counter):
    def bump(self) -> int:
        self.n += 10
        return self.n


DEFAULT: Counter = Counter("default")
REGISTRY: dict[str, Counter] = {}
ALL: list[Counter] = [DEFAULT, Special("special")]
CURRENT: Counter | None = None


def register(c: Counter) -> Counter:
    REGISTRY[c.name] = c
    ALL.append(c)
    return c


def use(name: str) -> None:
    global CURRENT
    if name in REGISTRY:
        CURRENT = REGISTRY[name]
    else:
        CURRENT = register(Counter(name))


def bump_current() -> int:
    c = CURRENT
    if c is None:
        return -1
    return c.bump()


def main(argv: list[str]) -> int:
    print(bump_current())
    DEFAULT.bump()
    use("a")
    print(bump_current(), bump_current())
    use("b")
    print(bump_current())
    use("a")
    print(bump_current())
    register(Special("s2"))
    use("s2")
    print(bump_current())
    for c in ALL:
        c.bump()
        print(c.name, c.n)
    print(sorted(list(REGISTRY.keys())), len(ALL), DEFAULT is ALL[0])
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
