# Class-level literal constants read via C.NAME and self.NAME, next to declared fields.


class Color:
    RED = 1
    GREEN = 2
    BLUE = 3
    NAME: str = "color"
    SCALE: float = 0.5
    ENABLED = True

    code: int

    def __init__(self, code: int) -> None:
        self.code = code

    def is_red(self) -> bool:
        return self.code == self.RED

    def label(self) -> str:
        if self.code == Color.RED:
            return "red"
        if self.code == Color.GREEN:
            return "green"
        return self.NAME + "#" + str(self.code)

    def scaled(self) -> float:
        return self.code * self.SCALE


class Limits:
    MAX = 10
    MIN = -10
    TAG = "lim"

    def clamp(self, v: int) -> int:
        if v > Limits.MAX:
            return self.MAX
        if v < self.MIN:
            return Limits.MIN
        return v


class Derived(Limits):
    def describe(self) -> str:
        return self.TAG + "[" + str(self.MIN) + ".." + str(Derived.MAX) + "]"


def main(argv: list[str]) -> int:
    print(Color.RED, Color.GREEN, Color.BLUE, Color.NAME, Color.SCALE, Color.ENABLED)
    for c in [Color(1), Color(2), Color(3), Color(7)]:
        print(c.code, c.is_red(), c.label(), c.scaled(), c.NAME)
    lim = Limits()
    print(lim.clamp(50), lim.clamp(-50), lim.clamp(3), Limits.TAG)
    d = Derived()
    print(d.describe(), d.clamp(11), Derived.MIN, d.TAG)
    total = 0
    for i in range(Limits.MIN, Limits.MAX, 3):
        total += i
    print(total)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
