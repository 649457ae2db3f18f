# A package directory without __init__.py.
import pkg.shapes
from pkg.names import label
import pkg.names


def main(argv: list[str]) -> int:
    for w, h in [(2, 2), (3, 5)]:
        print(label(w), pkg.shapes.area(w, h), pkg.shapes.perimeter(w, h))
    print(pkg.names.NAMES, label(7))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
