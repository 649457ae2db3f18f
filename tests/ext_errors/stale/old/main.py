# Core A: the extension in ../ext.py is built against this core's exports.
from seam import export, load_extension


@export
class Space:
    name: str

    def __init__(self, name: str) -> None:
        self.name = name


@export
def combine(a: int, b: int) -> int:
    return a + b


def main(argv: list[str]) -> int:
    load_extension("ext", Space("a"))
    return 0
