def main(argv: list[str]) -> int:
    a = 0x7FFF_FFFF_FFFF_FFFF
    b = -9223372036854775808
    c = 0o17 + 0b101
    d = 1_000_000
    e = True
    f = 2.5e-3
    print(a, b, c, d, e, f, -a)
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(main(sys.argv))
