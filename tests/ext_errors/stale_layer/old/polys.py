from main import Space
from seam import export


@export
def area(side: int) -> int:
    return side * side


def init_module(space: Space) -> None:
    space.log.append("old polys")
