from typing import Callable


class Counter:
    count: int

    def __init__(self) -> None:
        self.count = 0

    def bump(self, by: int) -> int:
        self.count += by
        return self.count


def main(argv: list[str]) -> int:
    c = Counter()
    bump: Callable[[int], int] = c.bump
    bump(4)
    print(bump(1), c.count)
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(main(sys.argv))
