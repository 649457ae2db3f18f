# expect: a method taken through its class is not a value
from typing import Callable


class A:
    def m(self) -> int:
        return 1


def main(argv: list[str]) -> int:
    f: Callable[[A], int] = A.m
    print(f(A()))
    return 0
