# runtime: loads of extensions with no file behind them, in a translated core:
# ImportError naming the extension and the cause, for each form of path.
from seam import export, load_extension


@export
class Space:
    pass


def main(argv: list[str]) -> int:
    for path in ["absent", "./absent", "sub/absent", "absent.so", ""]:
        try:
            load_extension(path, Space())
            print(repr(path), "loaded?")
        except ImportError as e:
            print(repr(path), "ImportError:", str(e))
    load_extension("absent", Space())
    return 0
