# Format specs on ints and bools in f-strings: alignment, fill, sign, bases,
# alternate forms, grouping, zero padding, float types, and nested widths.


def main(argv: list[str]) -> int:
    values = [0, 1, -1, 42, -42, 255, 1234567, -1234567, 9223372036854775807, -9223372036854775807 - 1]
    for n in values:
        print(f"[{n:>8}] [{n:<8}] [{n:^8}] [{n:*^9}] [{n:08}] [{n:=+8}]")
        print(f"[{n:x}] [{n:X}] [{n:o}] [{n:b}] [{n:#x}] [{n:#X}] [{n:#o}] [{n:#b}]")
        print(f"[{n:,}] [{n:_}] [{n:_x}] [{n:_b}] [{n:+d}] [{n: d}] [{n:-d}] [{n:n}]")
        print(f"[{n:010,}] [{n:#010x}] [{n:e}] [{n:.2f}] [{n:%}] [{n:g}] [{n:.3E}]")
    for c in [65, 97, 0x263A, 0x1F600]:
        print(f"[{c:c}] [{c:>4c}] [{c:_<3c}]")
    for b in [True, False]:
        print(f"[{b}] [{b:>6}] [{b:d}] [{b:x}] [{b:^7}] [{b:.1f}] [{b!r}] [{b!s:>6}]")
    width = 12
    fill = "#"
    for n in [7, -7, 3000]:
        print(f"[{n:{width}}] [{n:{fill}>{width}}] [{n:{'+' if n > 0 else '-'}{width - 2},}]")
    for w in range(0, 5):
        print(f"[{w:0{w}d}] [{-w:0{w + 2}}]")
    print(f"{1000000:>40,}")
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
