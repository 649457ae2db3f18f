# runtime: init_module declares a Config but the core passes a Space: the
# translated loader checks the class and raises ImportError.
from seam import export, load_extension


@export
class Space:
    pass


@export
class Config:
    level: int

    def __init__(self, level: int) -> None:
        self.level = level


def main(argv: list[str]) -> int:
    try:
        load_extension("ext", Space())
        print("loaded")
    except ImportError as e:
        print("ImportError:", str(e))
    load_extension("ext", Config(3))
    return 0
