# Arbitrary-precision integers built on checked 64-bit ints: the arithmetic of
# the Scheme interpreter's bignums extension, imported here as an ordinary
# module (bignums.py and objects.py are links to examples/scheme/): every
# operation on every pair of a set of operands chosen at limb boundaries, signs,
# 64-bit limits, and long values, printed as "a OP b = result" in decimal. Each
# line can be recomputed with Python's own integers.

from bignums import (
    big_add,
    big_cmp,
    big_divmod_floor,
    big_divmod_trunc,
    big_fits_int,
    big_from_int,
    big_mul,
    big_parse,
    big_parse_radix,
    big_pow,
    big_sub,
    big_to_int,
    big_to_str,
    big_to_str_radix,
    mag_mul_small,
)


def parse(s: str) -> tuple[bool, list[int]]:
    v = big_parse(s)
    if v is None:
        raise ValueError("not an integer: " + s)
    return v


def show(v: tuple[bool, list[int]]) -> str:
    return big_to_str(v[0], v[1])


def fact(n: int) -> tuple[bool, list[int]]:
    acc = [1]
    for i in range(2, n + 1):
        acc = mag_mul_small(acc, i)
    return False, acc


OPERANDS: list[str] = [
    "0",
    "1",
    "-1",
    "7",
    "-7",
    "999999999",
    "1000000000",
    "-1000000000",
    "1000000001",
    "999999999999999999",
    "1000000000000000000",
    "9223372036854775807",
    "-9223372036854775808",
    "9223372036854775808",
    "-9223372036854775809",
    "18446744073709551616",
    "-18446744073709551615",
    "1000000000000000000000000000",
    "-999999999999999999999999999",
    "340282366920938463463374607431768211456",
    "-12345678901234567890123456789012345678901234567890",
    "100000000000000000000000000000000000000000000000000000000001",
]


QUICK_LEFTS: list[str] = [
    "-9223372036854775808",
    "-12345678901234567890123456789012345678901234567890",
]


def pairs(lefts: list[str]) -> None:
    for sa in lefts:
        a = parse(sa)
        for sb in OPERANDS:
            b = parse(sb)
            print(sa, "+", sb, "=", show(big_add(a[0], a[1], b[0], b[1])))
            print(sa, "-", sb, "=", show(big_sub(a[0], a[1], b[0], b[1])))
            print(sa, "*", sb, "=", show(big_mul(a[0], a[1], b[0], b[1])))
            print(sa, "cmp", sb, "=", big_cmp(a[0], a[1], b[0], b[1]))
            if len(b[1]) == 0:
                continue
            qn, q, rn, r = big_divmod_trunc(a[0], a[1], b[0], b[1])
            print(sa, "quot", sb, "=", big_to_str(qn, q))
            print(sa, "rem", sb, "=", big_to_str(rn, r))
            qn, q, rn, r = big_divmod_floor(a[0], a[1], b[0], b[1])
            print(sa, "//", sb, "=", big_to_str(qn, q))
            print(sa, "%", sb, "=", big_to_str(rn, r))


def conversions() -> None:
    for x in [
        0,
        1,
        -1,
        999999999,
        1000000000,
        -1000000000,
        123456789012345678,
        -999999999999999999,
        9000000000000000000,
        -9000000000000000000,
        9223372036854775807,
        -9223372036854775807,
        -9223372036854775807 - 1,
    ]:
        v = big_from_int(x)
        print("from_int", x, "=", show(v), big_fits_int(v[0], v[1]))
        print("to_int", show(v), "=", big_to_int(v[0], v[1]))
    for s in [
        "9223372036854775808",
        "-9223372036854775809",
        "9300000000000000000",
        "10000000000000000000",
        "1000000000000000000000000000",
    ]:
        v = parse(s)
        print("fits", s, "=", big_fits_int(v[0], v[1]))
    for s in ["", "-", "+", "12a", "1.5", "+0", "-0", "000000000000000000042", "-00"]:
        w = big_parse(s)
        print("parse", repr(s), "=", "invalid" if w is None else show(w))


def powers(exponents: list[int]) -> None:
    for sb in ["0", "1", "-1", "2", "-2", "10", "-3", "999999999", "1000000000"]:
        b = parse(sb)
        for e in exponents:
            print(sb, "**", e, "=", show(big_pow(b[0], b[1], e)))


def radixes(bases: list[int]) -> None:
    for s in [
        "0",
        "1",
        "-255",
        "1000000000",
        "9223372036854775807",
        "-9223372036854775808",
        "18446744073709551615",
        "1267650600228229401496703205376",
        "-99999999999999999999999999999999999999",
    ]:
        v = parse(s)
        for radix in bases:
            text = big_to_str_radix(v[0], v[1], radix)
            back = big_parse_radix(text.upper(), radix)
            same = back is not None and back[0] == v[0] and back[1] == v[1]
            print(s, "in base", radix, "=", text, same)
    for s, radix in [("ff", 2), ("", 16), ("-", 16), ("+Zz", 36), ("-0", 8), ("12g", 16)]:
        w = big_parse_radix(s, radix)
        print("parse", repr(s), "base", radix, "=", "invalid" if w is None else show(w))


def long_values(big: int, small: int) -> None:
    f100 = fact(100)
    print("fact 100 =", show(f100))
    f300 = fact(big)
    f250 = fact(small)
    print(f"fact {big} =", show(f300))
    # Karatsuba-sized operands (40 limbs or more each).
    p = big_mul(f300[0], f300[1], f250[0], f250[1])
    print(f"fact {big} * fact {small} =", show(p))
    q = big_mul(f300[0], f300[1], True, f300[1])
    print(f"fact {big} * -fact {big} =", show(q))
    qn, qm, rn, rm = big_divmod_trunc(p[0], p[1], f250[0], f250[1])
    print(f"(fact {big} * fact {small}) quot fact {small} =", big_to_str(qn, qm))
    print(f"(fact {big} * fact {small}) rem fact {small} =", big_to_str(rn, rm))
    s = big_add(f300[0], f300[1], False, [1])
    qn, qm, rn, rm = big_divmod_floor(True, p[1], s[0], s[1])
    print(f"-(fact {big} * fact {small}) // (fact {big} + 1) =", big_to_str(qn, qm))
    print(f"-(fact {big} * fact {small}) % (fact {big} + 1) =", big_to_str(rn, rm))
    two = big_from_int(2)
    t = big_pow(two[0], two[1], 1000)
    print("2 ** 1000 =", show(t))
    m = big_sub(t[0], t[1], False, [1])
    qn, qm, rn, rm = big_divmod_trunc(m[0], m[1], f100[0], f100[1])
    print("(2 ** 1000 - 1) quot fact 100 =", big_to_str(qn, qm))
    print("(2 ** 1000 - 1) rem fact 100 =", big_to_str(rn, rm))


def main(argv: list[str]) -> int:
    # A smaller run for the collector stress test: two left operands, fewer
    # exponents and bases, and shorter (still Karatsuba-sized) factorials.
    quick = len(argv) > 1 and argv[1] == "quick"
    pairs(QUICK_LEFTS if quick else OPERANDS)
    conversions()
    powers([0, 1, 2, 63, 127] if quick else [0, 1, 2, 3, 31, 63, 64, 100, 127])
    radixes([2, 36] if quick else [2, 3, 8, 16, 36])
    if quick:
        long_values(210, 200)
    else:
        long_values(300, 250)
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(main(sys.argv))
