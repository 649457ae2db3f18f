from main import Space
from seam import export


@export
def area(side: int, scale: int) -> int:
    return side * side * scale


def init_module(space: Space) -> None:
    space.log.append("polys")
