# expect: keyword arguments and a wrong argument count through a Callable
from typing import Callable


def inc(x: int) -> int:
    return x + 1


class Box:
    def get(self) -> int:
        return 1


def main(argv: list[str]) -> int:
    f: Callable[[int], int] = inc
    print(f(x=1))
    print(f(1, 2))
    print(f("one"))
    return 0
