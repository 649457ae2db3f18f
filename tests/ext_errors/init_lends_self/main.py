from seam import export, load_extension


@export
class Shape:
    name: str

    def __init__(self, name: str) -> None:
        self.name = name
        self.announce()

    def announce(self) -> None:
        print("shape", self.name)


@export
class Registry:
    count: int

    def __init__(self) -> None:
        self.count = 0


def main(argv: list[str]) -> int:
    load_extension("ext", Registry())
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(main(sys.argv))
