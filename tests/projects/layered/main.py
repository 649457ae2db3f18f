# A project built from seam.toml: `statics` linked into the core, `words`
# loaded from a .so, and `ext/greeter` from a .so compiled against the core's
# exports and words'. cli/tests/project.rs edits copies of these files to see
# what the build cache rebuilds.
from seam import export, load_extension


@export
class Space:
    lines: list[str]

    def __init__(self) -> None:
        self.lines = []


@export
def shout(s: str) -> str:
    return s.upper() + "!"


def private_note() -> str:
    return "core v1"


def main(argv: list[str]) -> int:
    space = Space()
    load_extension("statics", space)
    load_extension("words", space)
    load_extension("ext/greeter", space)
    for line in space.lines:
        print(line)
    print(private_note())
    print("args:", " ".join(argv[1:]))
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(main(sys.argv))
