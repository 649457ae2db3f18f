# expect: function values whose signature does not match the Callable type
from typing import Callable


def inc(x: int) -> int:
    return x + 1


class Box:
    def get(self) -> int:
        return 1


def name(x: str) -> str:
    return x


def opt(x: int, y: int = 2, z: int = 3) -> int:
    return x + y + z


def main(argv: list[str]) -> int:
    f: Callable[[int], int] = name
    g: Callable[[], int] = opt
    h: Callable[[int], str] = Box().get
    k: Callable[..., int] = inc
    m: Callable = inc
    return 0


def later() -> None:
    unbound = Box.get
