# A constructor that raises: validation in __init__, in a super().__init__, and in a factory.


class Temperature:
    kelvin: float

    def __init__(self, kelvin: float) -> None:
        if kelvin < 0.0:
            raise ValueError("below absolute zero: " + str(kelvin))
        self.kelvin = kelvin


class Celsius(Temperature):
    def __init__(self, c: float) -> None:
        super().__init__(c + 273.15)


class Range:
    lo: int
    hi: int

    def __init__(self, lo: int, hi: int) -> None:
        self.lo = lo
        if hi < lo:
            raise IndexError("empty range " + str(lo) + ".." + str(hi))
        self.hi = hi

    def size(self) -> int:
        return self.hi - self.lo


def parse_range(s: str) -> Range:
    parts = s.split("..")
    if len(parts) != 2:
        raise ValueError("not a range: " + repr(s))
    return Range(int(parts[0]), int(parts[1]))


def main(argv: list[str]) -> int:
    for k in [300.0, 0.0, -1.5]:
        try:
            print(Temperature(k).kelvin)
        except ValueError as e:
            print("error:", str(e))
    for c in [25.0, -300.0]:
        try:
            print(Celsius(c).kelvin)
        except ValueError as e:
            print("error:", str(e))
    for s in ["1..5", "5..1", "3", "a..b", "-2..2"]:
        try:
            print(s, parse_range(s).size())
        except (ValueError, IndexError) as e:
            print(s, "error:", str(e))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
