# runtime: damaged copies of a good extension (the *.so.edit scripts: truncated,
# another machine, a flipped ELF class, an unknown relocation type, its descriptor
# section renamed) are each an ImportError naming the file and the cause, and
# the intact library still loads after them.
from seam import export, load_extension


@export
class Space:
    value: int

    def __init__(self) -> None:
        self.value = 0


def main(argv: list[str]) -> int:
    space = Space()
    for path in ["cut_header", "cut_half", "cut_end", "machine", "class32", "reloc", "reloc_desc", "section"]:
        try:
            load_extension(path, space)
            print(path, "loaded?")
        except ImportError as e:
            print(path, "ImportError:", str(e))
    load_extension("ext", space)
    print("ext loaded:", space.value)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
