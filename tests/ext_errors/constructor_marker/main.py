# runtime: a C library with an ELF constructor that writes marker.txt (marker.c,
# built with cc -shared) is refused as an extension before any of its code runs:
# the load is an ImportError naming the file, and marker.txt never appears.
from seam import export, load_extension


@export
class Space:
    pass


def marker_exists() -> bool:
    try:
        f = open("marker.txt")
        f.close()
        return True
    except FileNotFoundError:
        return False


def main(argv: list[str]) -> int:
    for attempt in range(2):
        try:
            load_extension("marker", Space())
            print("marker loaded?")
        except ImportError as e:
            print("ImportError:", str(e))
    print("marker.txt exists:", marker_exists())
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
