# Roman numeral conversion in both directions, with a round-trip check.

VALUES: list[int] = [1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1]
SYMBOLS: list[str] = ["M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"]
DIGIT: dict[str, int] = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}


def to_roman(n: int) -> str:
    out = ""
    for i in range(len(VALUES)):
        while n >= VALUES[i]:
            out = out + SYMBOLS[i]
            n -= VALUES[i]
    return out


def from_roman(s: str) -> int:
    total = 0
    for i in range(len(s)):
        v = DIGIT[s[i]]
        if i + 1 < len(s) and DIGIT[s[i + 1]] > v:
            total -= v
        else:
            total += v
    return total


def main(argv: list[str]) -> int:
    # argv[1], when given, bounds the round trips (the SEAM_GC_STRESS=1 run).
    limit = int(argv[1]) if len(argv) > 1 else 4000
    for n in [1, 4, 9, 14, 40, 90, 400, 1994, 2024, 3999]:
        r = to_roman(n)
        print(n, r, from_roman(r))
    bad = 0
    for k in range(1, limit):
        if from_roman(to_roman(k)) != k:
            bad += 1
    print("round trip failures", bad)
    longest = ""
    for k2 in range(1, limit):
        r2 = to_roman(k2)
        if len(r2) > len(longest):
            longest = r2
    print("longest", longest, from_roman(longest))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
