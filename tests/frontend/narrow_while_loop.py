class Cell:
    value: int
    rest: "Cell | None"

    def __init__(self, value: int, rest: "Cell | None") -> None:
        self.value = value
        self.rest = rest


def total(c: Cell | None) -> int:
    t = 0
    while c is not None:
        t += c.value
        c = c.rest
    return t


def main(argv: list[str]) -> int:
    print(total(Cell(1, Cell(2, None))))
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(main(sys.argv))
