from seam import intmask


def mix(h: int, x: int) -> int:
    return intmask(h * 1000003 + x)


def main(argv: list[str]) -> int:
    h = 0x345678
    for x in [1, 2, 3]:
        h = mix(h, x)
    print(h, intmask(-h))
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(main(sys.argv))
