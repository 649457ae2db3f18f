# Files across the boundary: the core hands an extension an open file and a
# function taking one; the extension writes to it, opens files itself, and
# raises and catches the OSError family, which core and extension share
# (files under /dev only: the runs happen in different directories).
import sys
from typing import TextIO

from seam import export, load_extension


@export
class Space:
    log: TextIO
    lines: list[str]

    def __init__(self, log: TextIO) -> None:
        self.log = log
        self.lines = []


@export
def note(f: TextIO, text: str) -> int:
    return f.write("note: " + text + "\n")


@export
def read_all(path: str) -> str:
    with open(path) as f:
        return f.read()


def main(argv: list[str]) -> int:
    space = Space(sys.stdout)
    load_extension("ext", space)
    for line in space.lines:
        print("core got", repr(line))
    try:
        read_all("no/such/file")
    except OSError as e:
        print("core caught", e)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
