# An extension whose init_module raises, and one whose global initialiser
# raises: load_extension raises ImportError naming the extension and the
# cause, the core catches it and goes on to load a good extension.
from seam import export, load_extension


@export
class SetupError(Exception):
    pass


@export
class Space:
    names: list[str]

    def __init__(self) -> None:
        self.names = []


@export
def fail_if(flag: bool, msg: str) -> int:
    if flag:
        raise SetupError(msg)
    return 1


def try_load(path: str, space: Space) -> None:
    try:
        load_extension(path, space)
        print(path, "loaded")
    except ImportError as e:
        print(path, "ImportError:", str(e))
    except SetupError as e:
        print(path, "SetupError leaked out of load_extension:", str(e))
    except ValueError as e:
        print(path, "ValueError leaked out of load_extension:", str(e))


def main(argv: list[str]) -> int:
    space = Space()
    try_load("ext_bad", space)
    print("names after bad init:", space.names)
    try_load("ext_badglobal", space)
    try_load("ext", space)
    print("names:", space.names)
    return 0
