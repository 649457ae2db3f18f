def find(xs: list[int], x: int) -> int | None:
    for i in range(len(xs)):
        if xs[i] == x:
            return i
    return None


def main(argv: list[str]) -> int:
    r = find([5, 6], 6)
    f: float | None = 1.5
    b: bool | None = None
    print(r, find([], 1), f, b, r is None)
    if r is not None:
        print(r + 1)
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(main(sys.argv))
