# Loading an extension that does not exist raises ImportError, caught by the
# core; only stable parts of the message are printed (the file name and its
# cause differ between seam py and translated programs). Static extensions
# are found without touching the disk; a missing one is still missing.
from seam import export, load_extension


@export
class Space:
    log: list[str]

    def __init__(self) -> None:
        self.log = []


def main(argv: list[str]) -> int:
    space = Space()
    for path in ["no_such_ext", "ext", "sub/dir/nothing", "no_such_ext"]:
        try:
            load_extension(path, space)
            print(path, "loaded")
        except ImportError as e:
            msg = str(e)
            print(path, "ImportError", msg.startswith("cannot load extension '" + path), path in msg)
    print(space.log)
    try:
        load_extension("", space)
        print("empty path loaded?")
    except ImportError as e:
        print("empty path: ImportError")
    return 0
