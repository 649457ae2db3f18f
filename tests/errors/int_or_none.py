# expect: int | None is not supported


def find(xs: list[int], x: int) -> int | None:
    for i in range(len(xs)):
        if xs[i] == x:
            return i
    return None


def main(argv: list[str]) -> int:
    return 0
