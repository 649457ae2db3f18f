# The extension whose built library the case damages in several ways.
from main import Space


def double(n: int) -> int:
    return 2 * n


def init_module(space: Space) -> None:
    space.value = double(21)
