# expect: printing, str/repr, sorting and searching function values (CPython prints addresses, compares identities)
from typing import Callable


def inc(x: int) -> int:
    return x + 1


class Box:
    def get(self) -> int:
        return 1


def main(argv: list[str]) -> int:
    f: Callable[[int], int] = inc
    print(f)
    fs = [f]
    s = f"{fs}"
    t = "f is " + str(f) + repr(Box().get)
    gs = sorted(fs)
    n = fs.index(f)
    return 0
