# Bitwise and, or, xor, invert and shifts, including negative operands.


def bits(n: int, width: int) -> str:
    out = ""
    i = width - 1
    while i >= 0:
        if (n >> i) & 1 == 1:
            out = out + "1"
        else:
            out = out + "0"
        i -= 1
    return out


def popcount(n: int) -> int:
    count = 0
    while n != 0:
        n = n & (n - 1)
        count += 1
    return count


def main(argv: list[str]) -> int:
    a = 0b1011_0110
    b = 0x5C
    print("a", a, bits(a, 8))
    print("b", b, bits(b, 8))
    print("a & b", a & b, bits(a & b, 8))
    print("a | b", a | b, bits(a | b, 8))
    print("a ^ b", a ^ b, bits(a ^ b, 8))
    print("~a", ~a)
    print("~0", ~0, "~-1", ~-1)
    print("-5 & 0xFF", -5 & 0xFF)
    print("-5 | 3", -5 | 3)
    print("-5 ^ 3", -5 ^ 3)
    print("-12 & -7", -12 & -7)
    print("1 << 10", 1 << 10)
    print("1 << 62", 1 << 62)
    print("3 << 40", 3 << 40)
    print("-3 << 4", -3 << 4)
    print("1024 >> 3", 1024 >> 3)
    print("-8 >> 1", -8 >> 1)
    print("-1 >> 10", -1 >> 10)
    print("-9 >> 2", -9 >> 2)
    print("5 >> 10", 5 >> 10)
    print("(1 << 62) >> 61", (1 << 62) >> 61)
    print("0o17", 0o17, "0xff", 0xff, "0b0", 0b0, "1_000_000", 1_000_000)
    print("precedence 1 | 2 ^ 3 & 4", 1 | 2 ^ 3 & 4)
    print("precedence 1 + 2 << 3", 1 + 2 << 3)
    print("precedence 1 << 2 + 3", 1 << 2 + 3)
    for n in [0, 1, 7, 8, 255, 256, 1023, 12345, 1 << 40]:
        print("popcount", n, popcount(n))
    x = 12345
    x &= 0xFF
    print("x &= 0xFF", x)
    x |= 0x100
    print("x |= 0x100", x)
    x ^= 0x1FF
    print("x ^= 0x1FF", x)
    x <<= 4
    print("x <<= 4", x)
    x >>= 2
    print("x >>= 2", x)
    h = 2166136261
    for ch in "seam":
        h = h ^ ord(ch)
        h = (h * 16777619) & 0xFFFFFFFF
    print("fnv1a32(seam)", h)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
