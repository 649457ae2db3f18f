class Box:
    value: int

    def __init__(self, value: int) -> None:
        self.value = value


def unwrap(b: Box | None, default: int) -> int:
    return b.value if b else default


def main(argv: list[str]) -> int:
    boxes: list[Box | None] = [Box(1), None]
    print([unwrap(b, 0) for b in boxes])
    o: object = boxes[0]
    print(o is None, isinstance(o, Box))
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(main(sys.argv))
