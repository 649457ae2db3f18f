from typing import Callable


def inc(x: int, by: int = 1) -> int:
    return x + by


class Handler:
    on_event: Callable[[int], int] | None

    def __init__(self) -> None:
        self.on_event = None

    def fire(self, x: int) -> int:
        f = self.on_event
        if f is None:
            return -1
        return f(x)


def main(argv: list[str]) -> int:
    f: Callable[[int], int] = inc
    h = Handler()
    print(h.fire(1))
    h.on_event = f
    print(f(1), h.fire(2))
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(main(sys.argv))
