from typing import Callable

from seam import export, load_extension


@export
class Space:
    builtins: dict[str, Callable[[list[int]], int]]
    hook: Callable[[str], None]

    def __init__(self) -> None:
        self.builtins = {}
        self.hook = print_name


def print_name(s: str) -> None:
    print(s)


def main(argv: list[str]) -> int:
    space = Space()
    load_extension("ext", space)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
