from seam import export

from helpers import double


@export
class Space:
    name: str

    def __init__(self, name: str) -> None:
        self.name = name


def main(argv: list[str]) -> int:
    print(double(2))
    return 0
