def divmod2(a: int, b: int) -> tuple[int, int]:
    return a // b, a % b


def main(argv: list[str]) -> int:
    a, b = 1, 2
    a, b = b, a
    q, r = divmod2(17, 5)
    pair = (a, "x")
    n, s = pair
    print(a, b, q, r, n, s)
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(main(sys.argv))
