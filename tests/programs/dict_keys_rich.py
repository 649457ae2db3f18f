class Sym:
    name: str

    def __init__(self, name: str) -> None:
        self.name = name

    def __repr__(self) -> str:
        return "Sym(" + self.name + ")"


class Key:
    a: int
    b: str

    def __init__(self, a: int, b: str) -> None:
        self.a = a
        self.b = b

    def __eq__(self, other: object) -> bool:
        print("eq", self.a, self.b)
        return isinstance(other, Key) and self.a == other.a and self.b == other.b

    def __hash__(self) -> int:
        print("hash", self.a, self.b)
        return hash((self.a, self.b))

    def __repr__(self) -> str:
        return "Key(" + str(self.a) + ", " + repr(self.b) + ")"


class NoHash:
    def __eq__(self, other: object) -> bool:
        return False


class BadHash:
    def __hash__(self) -> int:
        raise ValueError("no hash today")


def main(argv: list[str]) -> int:
    x = Sym("x")
    y = Sym("y")
    env: dict[Sym, int] = {x: 1}
    env[y] = 2
    env[x] = 3
    print(env, env[x], x in env, Sym("x") in env, len(env))
    print(env.get(Sym("z"), -1), env.get(y, -1))
    grid: dict[tuple[int, int], str] = {(0, 0): "origin"}
    grid[(1, 2)] = "a"
    grid[(0, 0)] = "o"
    print(grid, grid[(1, 2)], (2, 1) in grid)
    for (r, c), v in grid.items():
        print(r, c, v)
    flags: dict[bool, str] = {True: "yes", False: "no"}
    print(flags[1 == 1], flags)
    nested: dict[tuple[str, tuple[int, bool]], int] = {("a", (1, True)): 5}
    print(nested[("a", (1, True))], nested)
    keyed: dict[Key, int] = {}
    keyed[Key(1, "a")] = 10
    keyed[Key(1, "a")] = 11
    print(keyed)
    print(keyed.setdefault(Key(2, "b"), 20))
    print(keyed.pop(Key(2, "b")), len(keyed))
    copy = keyed.copy()
    print(copy == keyed)
    try:
        print(keyed[Key(9, "z")])
    except KeyError as e:
        print("KeyError", e)
    try:
        print(grid[(5, 5)])
    except KeyError as e:
        print("KeyError", e)
    bad: dict[NoHash, int] = {}
    try:
        bad[NoHash()] = 1
    except TypeError as e:
        print("TypeError:", e)
    worse: dict[BadHash, int] = {}
    try:
        worse[BadHash()] = 1
    except ValueError as e:
        print("ValueError:", e, len(worse))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
