from typing import Callable


def add(a: int, b: int) -> int:
    return a + b


def apply(f: Callable[[int, int], int], x: int) -> int:
    return f(x, x)


def main(argv: list[str]) -> int:
    table: dict[str, Callable[[int, int], int]] = {"add": add}
    g = add
    print(apply(add, 2), table["add"](1, 2), g(3, 4))
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(main(sys.argv))
