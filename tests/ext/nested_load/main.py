# An extension loads another extension from its init_module, and loads
# itself again (a no-op while its initialisers run); the core then loads the
# second one again (a no-op too).
from seam import export, load_extension


@export
class Space:
    log: list[str]

    def __init__(self) -> None:
        self.log = []


def main(argv: list[str]) -> int:
    space = Space()
    load_extension("ext", space)
    load_extension("ext2", space)
    load_extension("ext", space)
    print(space.log)
    return 0
