class Config:
    LIMIT: int = 10
    NAME = "cfg"
    RATIO = 0.5
    value: int

    def __init__(self, value: int = 10) -> None:
        self.value = value

    def scaled(self, by: float = 2.0, label: str = "x") -> str:
        return label + str(self.value * by * self.RATIO)


class Strict(Config):
    LIMIT: int = 3

    def scaled(self, by: float = 3.0, label: str = "s") -> str:
        return "strict " + super().scaled(by, label)


def main(argv: list[str]) -> int:
    c = Config()
    s = Strict(Strict.LIMIT)
    print(Config.LIMIT, c.NAME, c.value, c.scaled(), s.scaled(), s.scaled(label="l"))
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(main(sys.argv))
