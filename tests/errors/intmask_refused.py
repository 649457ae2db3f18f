# expect: operators that do not commute with wrapping, applied to operations inside intmask()
from seam import intmask


def main(argv: list[str]) -> int:
    a = len(argv)
    b = 3
    x = intmask(a * b // 2)
    y = intmask((a + b) % 7 + 1)
    z = intmask(a + (b * a >> 3))
    w = intmask(a * 2.5)
    v = intmask(a << 2 > b)
    print(x, y, z, w, v)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
