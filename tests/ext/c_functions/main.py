# A core with C code of its own (core_glue.c) loads an extension with C code of
# its own (ext_glue.c, linking libz): both C libraries are called, the core's
# through an exported function, the extension's through Callable values the
# core holds.
from typing import Callable

import seam
from seam import c_function, export, load_extension

seam.c_library(sources=["core_glue.c"])


@c_function
def core_twice(n: int) -> int:
    raise NotImplementedError


@export
def twice(n: int) -> int:
    return core_twice(n)


@export
class Space:
    builtins: dict[str, Callable[[str], str]]

    def __init__(self) -> None:
        self.builtins = {}


def main(argv: list[str]) -> int:
    space = Space()
    load_extension("ext", space)
    for name in sorted(space.builtins):
        print(name, space.builtins[name]("hello, wörld"))
    print(twice(21))
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(main(sys.argv))
