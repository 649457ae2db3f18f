# An extension exception class escapes main: exit status 1 and the last
# stderr line names the class by its module (`ext.Fatal: ...`), as CPython does.
from seam import export, load_extension


@export
class CoreError(Exception):
    pass


@export
class Engine:
    def start(self) -> str:
        return "core engine"


@export
class Holder:
    engine: Engine

    def __init__(self) -> None:
        self.engine = Engine()


def main(argv: list[str]) -> int:
    h = Holder()
    load_extension("ext", h)
    print("starting")
    try:
        print(h.engine.start())
    except CoreError as e:
        print("caught once:", e)
    print(h.engine.start())
    print("not reached")
    return 0
