# expect: super().m() passes self on before every field is assigned
class Base:
    def size(self) -> int:
        return 1


class Box(Base):
    width: int
    height: int

    def __init__(self) -> None:
        self.width = super().size()
        self.height = 2

    def size(self) -> int:
        return self.height


def main(argv: list[str]) -> int:
    print(Box().width)
    return 0
