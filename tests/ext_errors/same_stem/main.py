# runtime: two extensions with the same file stem in different directories are two
# extensions (each is identified by its resolved path), as under seam py, which
# prints the same; loading each path again is a no-op.
from seam import export, load_extension


@export
class Plugin:
    def name(self) -> str:
        return "base"


@export
class Space:
    names: list[str]
    plugins: list[Plugin]

    def __init__(self) -> None:
        self.names = []
        self.plugins = []


def main(argv: list[str]) -> int:
    space = Space()
    for p in argv[1:] + argv[1:]:
        try:
            load_extension(p, space)
            print("loaded", repr(p))
        except ImportError as e:
            print("ImportError:", str(e))
    print(space.names)
    for pl in space.plugins:
        print("plugin", pl.name(), isinstance(pl, Plugin))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
