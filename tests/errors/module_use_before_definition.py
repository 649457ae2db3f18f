# expect: module-level initialisers using what is defined further down: directly, through a function call, through a constructor
Z: int = W + 1
W: int = 5


def total() -> int:
    return LATER * 2


T: int = total()
LATER: int = 3


class Box:
    size: int

    def __init__(self) -> None:
        self.size = DEFAULT_SIZE


B: Box = Box()
DEFAULT_SIZE: int = 4
EARLY: int = helper()


def helper() -> int:
    return 1


def main(argv: list[str]) -> int:
    print(Z, T, B.size, EARLY)
    return 0
