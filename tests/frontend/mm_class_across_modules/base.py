class Base:
    n: int

    def __init__(self, n: int) -> None:
        self.n = n

    def value(self) -> int:
        return self.n
