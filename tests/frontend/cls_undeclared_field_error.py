# expect: assigning an attribute no class-level annotation declares
class P:
    x: int

    def __init__(self) -> None:
        self.x = 1
        self.y = 2


def main(argv: list[str]) -> int:
    print(P().x)
    return 0
