def between(lo: int, x: int, hi: int) -> bool:
    return lo <= x < hi


def main(argv: list[str]) -> int:
    print(between(0, len(argv), 10))
    a = 1.5
    print(0.0 < a <= 2.0 != 3.0)
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(main(sys.argv))
