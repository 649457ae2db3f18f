# An extension's init_module loads an extension built on it: by then the first
# is importable by the second (as under CPython, where its module is imported
# before its init_module runs), so both load, the second first to finish.
from seam import export, load_extension


@export
class Space:
    log: list[str]

    def __init__(self) -> None:
        self.log = []


def main(argv: list[str]) -> int:
    space = Space()
    load_extension("outer", space)
    load_extension("inner", space)
    for line in space.log:
        print(line)
    return 0
