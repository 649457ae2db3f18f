# A builtin exception raised by an operation inside a method escapes main (status 1).


class Table:
    rows: list[list[int]]

    def __init__(self) -> None:
        self.rows = [[1, 2], [3, 4]]

    def cell(self, r: int, c: int) -> int:
        return self.rows[r][c]


def main(argv: list[str]) -> int:
    t = Table()
    print(t.cell(0, 1), t.cell(1, 0))
    try:
        print(t.cell(5, 0))
    except KeyError:
        print("not this one")
    finally:
        print("finally runs before the traceback")
    print("not reached")
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
