# expect: printing a function value (CPython prints its address)
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
    return 0
