class Square:
    side: int

    def __init__(self, side: int) -> None:
        self.side = side


def area_of(s: Square) -> int:
    return s.side * s.side
