# expect: exported signatures, fields and globals mentioning a class that is not exported
from typing import Callable, Optional

from seam import Exported, export


class Hidden:
    x: int

    def __init__(self) -> None:
        self.x = 1


@export
class Shown:
    h: Optional[Hidden]
    hs: list[Hidden]
    f: Callable[[Hidden], int]

    def __init__(self) -> None:
        self.h = None
        self.hs = []
        self.f = get_x

    def m(self, h: Hidden) -> int:
        return h.x


def get_x(h: Hidden) -> int:
    return h.x


@export
def make() -> Hidden:
    return Hidden()


@export
def take(h: dict[str, Hidden], n: int = 2) -> None:
    pass


G: Exported[list[Hidden]] = []


def main(argv: list[str]) -> int:
    return 0
