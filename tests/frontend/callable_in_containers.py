from typing import Callable


def double(x: int) -> int:
    return 2 * x


def square(x: int) -> int:
    return x * x


def compose(fs: list[Callable[[int], int]], x: int) -> int:
    for f in fs:
        x = f(x)
    return x


def pick(name: str) -> Callable[[int], int]:
    return double if name == "double" else square


def main(argv: list[str]) -> int:
    pipeline: list[Callable[[int], int]] = [double, square, pick("double")]
    pair: tuple[str, Callable[[int], int]] = ("sq", square)
    print(compose(pipeline, 3), pair[1](5), pick("x")(4))
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(main(sys.argv))
