# An exception raised in an imported module escapes main: status 1.
from checks import require_positive


def main(argv: list[str]) -> int:
    for x in [3, 1, 0, 5]:
        print("ok", require_positive(x))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
