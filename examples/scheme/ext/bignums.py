# Exact integers beyond 64 bits for the Scheme interpreter, compiled separately
# against the core's exports file and loaded with (load-extension "ext/bignums").
#
# The core computes with fixnums (W_Int, 64-bit checked ints); when a fixnum
# operation raises OverflowError, or an operand is an exact integer that is not
# a fixnum, it calls the NumberHook this module installs (see HOOKS.md). The
# module's W_BigInt subclasses the core's W_Number and prints, compares and
# hashes as Guile's exact integers do; every result that fits in 64 bits goes
# back to a W_Int, so a W_BigInt is never zero and never equal to a fixnum.
#
# The arithmetic below works on sign and magnitude: a magnitude is a list of
# limbs in base 10**9, least significant first, with no zero limb at the top
# (zero is the empty list); a signed value is a pair (negative, magnitude), and
# zero is never negative. Base 10**9 keeps every product of two limbs plus two
# carries below 2**63, so no step can overflow, and makes decimal printing and
# parsing a matter of cutting digits into groups of nine. The corpus program
# tests/programs/bignum_arith imports this file as an ordinary module and runs
# the arithmetic on boundary operands against CPython.

from objects import (
    NumberHook,
    SchemeError,
    Space,
    W_Int,
    W_Number,
    W_Object,
    make_int,
    set_number_hook,
)
from seam import final

BASE = 1000000000
BASE_DIGITS = 9
# Products of operands with at least this many limbs each use Karatsuba.
KARATSUBA_LIMBS = 40
INT_MIN = -9223372036854775808


def mag_trim(a: list[int]) -> list[int]:
    while len(a) > 0 and a[len(a) - 1] == 0:
        a.pop()
    return a


def mag_from_nonneg(x: int) -> list[int]:
    out: list[int] = []
    while x > 0:
        q = x // BASE
        out.append(x - q * BASE)
        x = q
    return out


def mag_cmp(a: list[int], b: list[int]) -> int:
    if len(a) != len(b):
        return -1 if len(a) < len(b) else 1
    i = len(a) - 1
    while i >= 0:
        if a[i] != b[i]:
            return -1 if a[i] < b[i] else 1
        i -= 1
    return 0


def mag_add(a: list[int], b: list[int]) -> list[int]:
    if len(a) < len(b):
        a, b = b, a
    # Sized once: growing the list would allocate several times.
    out = [0] * (len(a) + 1)
    carry = 0
    for i in range(len(a)):
        t = a[i] + carry
        if i < len(b):
            t += b[i]
        if t >= BASE:
            out[i] = t - BASE
            carry = 1
        else:
            out[i] = t
            carry = 0
    if carry > 0:
        out[len(a)] = carry
    else:
        out.pop()
    return out


def mag_sub(a: list[int], b: list[int]) -> list[int]:
    """a - b for a >= b."""
    out = [0] * len(a)
    borrow = 0
    for i in range(len(a)):
        t = a[i] - borrow
        if i < len(b):
            t -= b[i]
        if t < 0:
            out[i] = t + BASE
            borrow = 1
        else:
            out[i] = t
            borrow = 0
    return mag_trim(out)


def mag_mul_small(a: list[int], m: int) -> list[int]:
    """a * m for 0 <= m < BASE."""
    if m == 0 or len(a) == 0:
        return []
    out = [0] * (len(a) + 1)
    carry = 0
    for i in range(len(a)):
        t = a[i] * m + carry
        carry = t // BASE
        out[i] = t - carry * BASE
    if carry > 0:
        out[len(a)] = carry
    else:
        out.pop()
    return out


def mag_mul_school(a: list[int], b: list[int]) -> list[int]:
    if len(a) == 0 or len(b) == 0:
        return []
    out = [0] * (len(a) + len(b))
    for i in range(len(a)):
        ai = a[i]
        if ai == 0:
            continue
        carry = 0
        k = i
        for bj in b:
            t = out[k] + ai * bj + carry
            carry = t // BASE
            out[k] = t - carry * BASE
            k += 1
        while carry > 0:
            t = out[k] + carry
            carry = t // BASE
            out[k] = t - carry * BASE
            k += 1
    return mag_trim(out)


def mag_add_at(acc: list[int], a: list[int], shift: int) -> None:
    """acc += a * BASE**shift, in place; acc is long enough to hold the sum."""
    carry = 0
    k = shift
    for d in a:
        t = acc[k] + d + carry
        if t >= BASE:
            acc[k] = t - BASE
            carry = 1
        else:
            acc[k] = t
            carry = 0
        k += 1
    while carry > 0:
        t = acc[k] + carry
        if t >= BASE:
            acc[k] = t - BASE
        else:
            acc[k] = t
            carry = 0
        k += 1


def mag_mul(a: list[int], b: list[int]) -> list[int]:
    short = min(len(a), len(b))
    if short < KARATSUBA_LIMBS or 2 * short < max(len(a), len(b)):
        return mag_mul_school(a, b)
    # a = a1 * BASE**h + a0, b = b1 * BASE**h + b0; three half-size products.
    h = max(len(a), len(b)) // 2
    a0 = mag_trim(a[:h])
    a1 = a[h:]
    b0 = mag_trim(b[:h])
    b1 = b[h:]
    z0 = mag_mul(a0, b0)
    z2 = mag_mul(a1, b1)
    z1 = mag_sub(mag_sub(mag_mul(mag_add(a0, a1), mag_add(b0, b1)), z0), z2)
    out = [0] * (len(a) + len(b) + 1)
    mag_add_at(out, z0, 0)
    mag_add_at(out, z1, h)
    mag_add_at(out, z2, 2 * h)
    return mag_trim(out)


def mag_divmod_small(a: list[int], m: int) -> tuple[list[int], int]:
    """(a // m, a % m) for 0 < m < BASE."""
    q = [0] * len(a)
    r = 0
    i = len(a) - 1
    while i >= 0:
        t = r * BASE + a[i]
        d = t // m
        q[i] = d
        r = t - d * m
        i -= 1
    return mag_trim(q), r


def mag_divmod(a: list[int], b: list[int]) -> tuple[list[int], list[int]]:
    """(a // b, a % b) for b > 0 (Knuth's algorithm D in base 10**9)."""
    if mag_cmp(a, b) < 0:
        return [], list(a)
    if len(b) == 1:
        q, r = mag_divmod_small(a, b[0])
        return q, mag_from_nonneg(r)
    # Scale both so that the divisor's top limb is at least BASE // 2: the
    # quotient digit estimated from the top two limbs is then off by at most 2.
    n = len(b)
    scale = BASE // (b[n - 1] + 1)
    v = mag_mul_small(b, scale)
    u = mag_mul_small(a, scale)
    if len(u) == len(a):
        u.append(0)
    m = len(u) - n - 1
    q = [0] * (m + 1)
    vtop = v[n - 1]
    vnext = v[n - 2]
    j = m
    while j >= 0:
        top = u[j + n] * BASE + u[j + n - 1]
        qhat = top // vtop
        rhat = top - qhat * vtop
        while qhat >= BASE or qhat * vnext > rhat * BASE + u[j + n - 2]:
            qhat -= 1
            rhat += vtop
            if rhat >= BASE:
                break
        # u[j .. j+n] -= qhat * v
        borrow = 0
        carry = 0
        for i in range(n):
            p = qhat * v[i] + carry
            carry = p // BASE
            t = u[j + i] - (p - carry * BASE) - borrow
            if t < 0:
                u[j + i] = t + BASE
                borrow = 1
            else:
                u[j + i] = t
                borrow = 0
        t = u[j + n] - carry - borrow
        if t < 0:
            # qhat was one too large: add v back.
            u[j + n] = t + BASE
            qhat -= 1
            c = 0
            for i in range(n):
                s = u[j + i] + v[i] + c
                if s >= BASE:
                    u[j + i] = s - BASE
                    c = 1
                else:
                    u[j + i] = s
                    c = 0
            u[j + n] = (u[j + n] + c) % BASE
        else:
            u[j + n] = t
        q[j] = qhat
        j -= 1
    rem, _ = mag_divmod_small(mag_trim(u[:n]), scale)
    return mag_trim(q), rem


# Signed values: (negative, magnitude).


def big_from_int(x: int) -> tuple[bool, list[int]]:
    if x >= 0:
        return False, mag_from_nonneg(x)
    # -(x + 1) fits even for -2**63.
    return True, mag_add(mag_from_nonneg(-(x + 1)), [1])


def big_fits_int(neg: bool, mag: list[int]) -> bool:
    if len(mag) < 3:
        return True
    if len(mag) > 3 or mag[2] > 9:
        return False
    if mag[2] < 9:
        return True
    rest = mag[1] * BASE + mag[0]
    return rest <= (223372036854775808 if neg else 223372036854775807)


def big_to_int(neg: bool, mag: list[int]) -> int:
    """The value as an int; only for values big_fits_int accepts."""
    # Accumulated negatively, so that -2**63 never passes through 2**63.
    acc = 0
    i = len(mag) - 1
    while i >= 0:
        acc = acc * BASE - mag[i]
        i -= 1
    return acc if neg else -acc


def big_add(
    aneg: bool, a: list[int], bneg: bool, b: list[int]
) -> tuple[bool, list[int]]:
    if aneg == bneg:
        return aneg, mag_add(a, b)
    c = mag_cmp(a, b)
    if c == 0:
        return False, []
    if c > 0:
        return aneg, mag_sub(a, b)
    return bneg, mag_sub(b, a)


def big_sub(
    aneg: bool, a: list[int], bneg: bool, b: list[int]
) -> tuple[bool, list[int]]:
    return big_add(aneg, a, len(b) > 0 and not bneg, b)


def big_mul(
    aneg: bool, a: list[int], bneg: bool, b: list[int]
) -> tuple[bool, list[int]]:
    m = mag_mul(a, b)
    return len(m) > 0 and aneg != bneg, m


def big_cmp(aneg: bool, a: list[int], bneg: bool, b: list[int]) -> int:
    if aneg != bneg:
        return -1 if aneg else 1
    c = mag_cmp(a, b)
    return -c if aneg else c


def big_divmod_trunc(
    aneg: bool, a: list[int], bneg: bool, b: list[int]
) -> tuple[bool, list[int], bool, list[int]]:
    """Quotient rounded toward zero and its remainder (the dividend's sign).

    Scheme's quotient and remainder; b must not be zero."""
    if len(b) == 0:
        raise ZeroDivisionError("division by zero")
    q, r = mag_divmod(a, b)
    return len(q) > 0 and aneg != bneg, q, len(r) > 0 and aneg, r


def big_divmod_floor(
    aneg: bool, a: list[int], bneg: bool, b: list[int]
) -> tuple[bool, list[int], bool, list[int]]:
    """Quotient rounded toward minus infinity and its remainder (the divisor's sign).

    Python's // and %, Scheme's modulo; b must not be zero."""
    qneg, q, rneg, r = big_divmod_trunc(aneg, a, bneg, b)
    if len(r) > 0 and aneg != bneg:
        q = mag_add(q, [1])
        qneg = True
        # r and b have opposite signs here: r + b = sign(b) * (|b| - |r|).
        r = mag_sub(b, r)
        rneg = bneg
    return qneg, q, rneg, r


def big_pow(neg: bool, mag: list[int], e: int) -> tuple[bool, list[int]]:
    """The value to the power e >= 0, by repeated squaring."""
    result = [1]
    rneg = False
    base = mag
    if e % 2 == 1:
        rneg = neg
    while e > 0:
        if e % 2 == 1:
            result = mag_mul(result, base)
        e = e // 2
        if e > 0:
            base = mag_mul(base, base)
    if len(result) == 0:
        rneg = False
    return rneg, result


def big_to_str(neg: bool, mag: list[int]) -> str:
    if len(mag) == 0:
        return "0"
    n = len(mag)
    parts = [""] * n
    parts[0] = ("-" if neg else "") + str(mag[n - 1])
    for i in range(1, n):
        parts[i] = f"{mag[n - 1 - i]:09d}"
    return "".join(parts)


DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz"


def radix_chunk(radix: int) -> tuple[int, int]:
    """The largest power of radix below BASE, and its exponent."""
    power = radix
    count = 1
    while power * radix < BASE:
        power *= radix
        count += 1
    return power, count


def big_to_str_radix(neg: bool, mag: list[int], radix: int) -> str:
    """The value in base radix (2 to 36), lowercase digits."""
    if radix == 10:
        return big_to_str(neg, mag)
    if len(mag) == 0:
        return "0"
    power, count = radix_chunk(radix)
    # Chunks of count digits, least significant first.
    chunks: list[str] = []
    rest = mag
    while len(rest) > 0:
        rest, r = mag_divmod_small(rest, power)
        digits: list[str] = []
        for _ in range(count):
            d = r // radix
            digits.append(DIGITS[r - d * radix])
            r = d
        digits.reverse()
        chunks.append("".join(digits))
    chunks.reverse()
    text = "".join(chunks).lstrip("0")
    return "-" + text if neg else text


def big_parse_radix(s: str, radix: int) -> tuple[bool, list[int]] | None:
    """An optional sign then digits in base radix (2 to 36, either case); None for anything else."""
    if radix == 10:
        return big_parse(s)
    neg = False
    start = 0
    if len(s) > 0 and (s[0] == "-" or s[0] == "+"):
        neg = s[0] == "-"
        start = 1
    if start == len(s):
        return None
    power, count = radix_chunk(radix)
    mag: list[int] = []
    i = start
    while i < len(s):
        # The first chunk takes the odd digits, so the others are full.
        n = (len(s) - i) % count
        if n == 0:
            n = count
        chunk = 0
        scale = 1
        for k in range(i, i + n):
            d = DIGITS.find(s[k].lower())
            if d < 0 or d >= radix:
                return None
            chunk = chunk * radix + d
            scale *= radix
        mag = mag_add(mag_mul_small(mag, scale), mag_from_nonneg(chunk))
        i += n
    return neg and len(mag) > 0, mag


def big_parse(s: str) -> tuple[bool, list[int]] | None:
    """An optional sign then decimal digits; None for anything else."""
    neg = False
    start = 0
    if len(s) > 0 and (s[0] == "-" or s[0] == "+"):
        neg = s[0] == "-"
        start = 1
    if start == len(s):
        return None
    for i in range(start, len(s)):
        c = s[i]
        if c < "0" or c > "9":
            return None
    mag: list[int] = []
    end = len(s)
    while end > start:
        begin = max(start, end - BASE_DIGITS)
        mag.append(int(s[begin:end]))
        end = begin
    mag_trim(mag)
    return neg and len(mag) > 0, mag


# The Scheme values.


@final
class W_BigInt(W_Number):
    neg: bool
    mag: list[int]

    def __init__(self, neg: bool, mag: list[int]) -> None:
        self.neg = neg
        self.mag = mag

    def write(self) -> str:
        return big_to_str(self.neg, self.mag)

    def eqv(self, other: W_Object) -> bool:
        return isinstance(other, W_BigInt) and other.neg == self.neg and other.mag == self.mag

    def hash_value(self) -> int:
        h = 1 if self.neg else 0
        for limb in self.mag:
            h = (h * 31 + limb) % 1000000007
        return h

    def type_name(self) -> str:
        return "integer"

    def to_float(self) -> float:
        # Decimal text to float rounds correctly (to infinity beyond the
        # range of doubles), as Guile's exact->inexact does.
        return float(self.write())

    def is_exact(self) -> bool:
        return True

    def is_integer(self) -> bool:
        return True

    def sign(self) -> int:
        return -1 if self.neg else 1

    def is_odd(self) -> bool:
        return self.mag[0] % 2 == 1

    def number_to_string(self, radix: int) -> str:
        return big_to_str_radix(self.neg, self.mag, radix)


def wrap(neg: bool, mag: list[int]) -> W_Number:
    """The exact integer with that sign and magnitude: a fixnum when it fits."""
    if big_fits_int(neg, mag):
        return make_int(big_to_int(neg, mag))
    return W_BigInt(neg, mag)


def unwrap(x: W_Number) -> tuple[bool, list[int]]:
    if isinstance(x, W_Int):
        return big_from_int(x.value)
    if isinstance(x, W_BigInt):
        return x.neg, x.mag
    raise SchemeError("not an exact integer:", [x])


class BigHook(NumberHook):
    def add(self, a: W_Number, b: W_Number) -> W_Number:
        an, am = unwrap(a)
        bn, bm = unwrap(b)
        rn, rm = big_add(an, am, bn, bm)
        return wrap(rn, rm)

    def sub(self, a: W_Number, b: W_Number) -> W_Number:
        an, am = unwrap(a)
        bn, bm = unwrap(b)
        rn, rm = big_sub(an, am, bn, bm)
        return wrap(rn, rm)

    def mul(self, a: W_Number, b: W_Number) -> W_Number:
        # A bignum times a fixnum below BASE (as in a factorial) needs one
        # pass and one new list, without converting the fixnum.
        if isinstance(a, W_Int) and isinstance(b, W_BigInt):
            a, b = b, a
        if isinstance(a, W_BigInt) and isinstance(b, W_Int) and -BASE < b.value < BASE:
            m = b.value
            if m == 0:
                return make_int(0)
            # Still normalised: 2**63 * -1 is a fixnum.
            return wrap(a.neg != (m < 0), mag_mul_small(a.mag, m if m > 0 else -m))
        an, am = unwrap(a)
        bn, bm = unwrap(b)
        rn, rm = big_mul(an, am, bn, bm)
        return wrap(rn, rm)

    def quotient(self, a: W_Number, b: W_Number) -> W_Number:
        an, am = unwrap(a)
        bn, bm = unwrap(b)
        qn, qm, rn, rm = big_divmod_trunc(an, am, bn, bm)
        return wrap(qn, qm)

    def remainder(self, a: W_Number, b: W_Number) -> W_Number:
        an, am = unwrap(a)
        bn, bm = unwrap(b)
        qn, qm, rn, rm = big_divmod_trunc(an, am, bn, bm)
        return wrap(rn, rm)

    def modulo(self, a: W_Number, b: W_Number) -> W_Number:
        an, am = unwrap(a)
        bn, bm = unwrap(b)
        qn, qm, rn, rm = big_divmod_floor(an, am, bn, bm)
        return wrap(rn, rm)

    def expt(self, base: W_Number, exponent: W_Int) -> W_Number:
        bn, bm = unwrap(base)
        rn, rm = big_pow(bn, bm, exponent.value)
        return wrap(rn, rm)

    def compare(self, a: W_Number, b: W_Number) -> int:
        an, am = unwrap(a)
        bn, bm = unwrap(b)
        return big_cmp(an, am, bn, bm)

    def parse(self, text: str) -> W_Number | None:
        v = big_parse(text)
        if v is None:
            return None
        return wrap(v[0], v[1])

    def parse_radix(self, text: str, radix: int) -> W_Number | None:
        v = big_parse_radix(text, radix)
        if v is None:
            return None
        return wrap(v[0], v[1])


def init_module(space: Space) -> None:
    set_number_hook(BigHook())
