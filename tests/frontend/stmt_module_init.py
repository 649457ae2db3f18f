TABLE: list[int] = [1, 2, 3]
SQUARES: dict[int, int] = {x: x * x for x in TABLE}
NAME = "seam"
LIMIT: int = 10 * 10


def main(argv: list[str]) -> int:
    print(TABLE, SQUARES, NAME, LIMIT)
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(main(sys.argv))
