# A tiny core and an extension that uses the whole language: every runtime
# helper the extension needs must be reachable from the core binary, even
# when the core itself never uses it (integer and float arithmetic, str,
# list and dict methods, slicing, conversions, formatting, sorting).
from seam import export, load_extension


@export
class Space:
    out: list[str]

    def __init__(self) -> None:
        self.out = []


def main(argv: list[str]) -> int:
    space = Space()
    load_extension("ext", space)
    for line in space.out:
        print(line)
    return 0
