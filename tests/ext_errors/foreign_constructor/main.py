# runtime: a shared library that is no Seam extension is refused before it is
# opened: its constructor (pwn.c prints a line when it runs) never runs. A FIFO
# named like an extension (fifo.so.fifo makes one) is refused without blocking.
from seam import export, load_extension


@export
class Space:
    pass


def main(argv: list[str]) -> int:
    for path in ["pwn", "fifo"]:
        try:
            load_extension(path, Space())
            print(path, "loaded?")
        except ImportError as e:
            print(path, "ImportError:", str(e))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
