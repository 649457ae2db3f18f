# expect: == and is on function values
from typing import Callable


def inc(x: int) -> int:
    return x + 1


class Box:
    def get(self) -> int:
        return 1


def main(argv: list[str]) -> int:
    b = Box()
    f = b.get
    g = b.get
    print(f == g)
    print(f is g)
    print(f in [g])
    return 0
