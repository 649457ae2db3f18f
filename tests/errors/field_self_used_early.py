# expect: self used (a method call) before every field is assigned: the method could read an unassigned field
class Widget:
    width: int
    height: int

    def __init__(self) -> None:
        self.width = self.default()
        self.height = 2

    def default(self) -> int:
        return self.height * 2


def main(argv: list[str]) -> int:
    print(Widget().width)
    return 0
