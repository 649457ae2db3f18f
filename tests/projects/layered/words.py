# A shared module whose exports another shared module builds on.
from main import Space
from seam import export


@export
def twice(s: str) -> str:
    return s + " " + s


def private_word() -> str:
    return "words v1"


def init_module(space: Space) -> None:
    space.lines.append(twice(private_word()))
