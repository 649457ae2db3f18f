"""The showcase core: loads two modules that wrap C libraries (qr: libqrencode,
zz: zlib) and runs their commands on a text.

    main.py [EXT_DIR [TEXT]]

EXT_DIR is where the modules are (`.` for their sources under `seam py`, the
build directory for `.so` files; modules linked in are found anywhere).
"""

from typing import Callable

from seam import export, load_extension


@export
class Space:
    commands: dict[str, Callable[[str], str]]

    def __init__(self) -> None:
        self.commands = {}


def main(argv: list[str]) -> int:
    ext_dir = argv[1] if len(argv) > 1 else "."
    text = argv[2] if len(argv) > 2 else "Seam: separate compilation, ünïcode ✓"
    space = Space()
    for module in ["qr", "zz"]:
        load_extension(f"{ext_dir}/{module}", space)
    print(f"text: {text}")
    for name in ["checksums", "round-trip", "qr"]:
        print(f"== {name}")
        print(space.commands[name](text))
    long_text = " ".join([str(i * i) for i in range(2000)])
    print("== round-trip of", len(long_text), "characters")
    print(space.commands["round-trip"](long_text))
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(main(sys.argv))
