# runtime: a core rebuilt with internal changes only (private helpers, a method
# body, an exported function's body that still cannot raise) keeps its
# fingerprint: an extension built against the old core's exports (old/main.py)
# loads and runs.
from seam import export, load_extension


def decorate(s: str) -> str:
    return "[" + s + "]"


@export
class Space:
    name: str

    def __init__(self, name: str) -> None:
        self.name = name

    def greet(self) -> str:
        return "new greet " + decorate(self.name)


@export
def combine(a: int, b: int) -> int:
    total = a
    total += b
    return total * 10


def main(argv: list[str]) -> int:
    try:
        load_extension("ext", Space("new"))
    except ImportError as e:
        print("ImportError:", str(e))
    return 0
