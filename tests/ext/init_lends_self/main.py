# The core's Shape.__init__ calls a virtual method on self, and the exports
# file records that it lends self: the extension's subclass assigns its own
# field before calling it, and the override it reaches sees that field.
from seam import export, load_extension


@export
class Shape:
    name: str

    def __init__(self, name: str) -> None:
        self.name = name
        self.announce()

    def announce(self) -> None:
        print("shape", self.name)


@export
class Registry:
    shapes: list[Shape]

    def __init__(self) -> None:
        self.shapes = [Shape("square")]


def main(argv: list[str]) -> int:
    registry = Registry()
    load_extension("ext", registry)
    for s in registry.shapes:
        s.announce()
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(main(sys.argv))
