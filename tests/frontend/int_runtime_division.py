def ratio(a: int, b: int) -> tuple[int, int, float]:
    return a // b, a % b, a / b


def main(argv: list[str]) -> int:
    print(ratio(7, len(argv)))
    print(2 ** len(argv), len(argv) << len(argv))
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(main(sys.argv))
