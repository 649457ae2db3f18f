# The same interface as ../main.py, with different private code: the
# extension built against this core's exports loads into ../main.py's.
from seam import export, load_extension


@export
class Space:
    name: str

    def __init__(self, name: str) -> None:
        self.name = name

    def greet(self) -> str:
        return "old greet " + self.name


@export
def combine(a: int, b: int) -> int:
    return a + b


def main(argv: list[str]) -> int:
    load_extension("ext", Space("old"))
    return 0
