from seam import Exported, export


@export
class Space:
    count: int

    def __init__(self) -> None:
        self.count = 0


registry: Exported[dict[str, int]] = {}
VERSION: Exported[str] = "1.0"


@export
def register(space: Space, name: str, n: int = 1) -> None:
    registry[name] = n
    space.count += 1


def main(argv: list[str]) -> int:
    s = Space()
    register(s, "a")
    register(s, "b", 2)
    print(registry, VERSION, s.count)
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(main(sys.argv))
