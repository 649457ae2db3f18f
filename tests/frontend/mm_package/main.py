from shapes.square import Square, area_of
import util


def main(argv: list[str]) -> int:
    print(area_of(Square(3)), util.twice(4), util.GREETING)
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(main(sys.argv))
