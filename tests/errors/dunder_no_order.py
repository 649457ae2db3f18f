# expect: ordering instances whose class defines no __lt__ (nor reflected __gt__) is refused
class Box:
    v: int

    def __init__(self, v: int) -> None:
        self.v = v


def main(argv: list[str]) -> int:
    print(Box(1) < Box(2))
    return 0
