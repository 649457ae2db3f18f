# Hashing-style arithmetic with seam.intmask: the operators directly inside
# intmask(...) wrap modulo 2**64 when translated; under CPython intmask reduces
# the exact result. Both print the same numbers.
import seam
from seam import intmask

FNV_OFFSET = -3750763034362895579  # 0xcbf29ce484222325 as a signed 64-bit int
FNV_PRIME = 1099511628211


def fnv1a(s: str) -> int:
    h = FNV_OFFSET
    for ch in s:
        h = intmask((h ^ ord(ch)) * FNV_PRIME)
    return h


def java_hash(s: str) -> int:
    h = 0
    for ch in s:
        h = intmask(h * 31 + ord(ch))
    return h


def xorshift(state: int) -> int:
    x = state
    x = intmask(x ^ (x << 13))
    # A right shift of a wrapped value is computed outside intmask: logical
    # shift of the 64-bit pattern by masking off the sign-extended bits.
    x = x ^ ((x >> 7) & ((1 << 57) - 1))
    x = intmask(x ^ (x << 17))
    return x


def lcg(seed: int, n: int) -> list[int]:
    out: list[int] = []
    x = seed
    for _ in range(n):
        x = seam.intmask(x * 6364136223846793005 + 1442695040888963407)
        out.append(x)
    return out


def combine(a: int, b: int) -> int:
    # The boost-style hash_combine, with every operator wrapping.
    return intmask(a ^ (b + -7046029254386353131 + (a << 6) + (a >> 2)))


def main(argv: list[str]) -> int:
    for word in ["", "a", "hello", "Seam Python", "the quick brown fox"]:
        print(repr(word), fnv1a(word), java_hash(word))
    x = 88172645463325252
    for _ in range(5):
        x = xorshift(x)
        print(x)
    print(lcg(42, 4))
    print(combine(12345, 67890), combine(-1, 9223372036854775807))
    # Wrapping at the edges, and operators whose result modulo 2**64 only
    # depends on the operands modulo 2**64.
    big = 9223372036854775807
    print(intmask(big + 1), intmask(-big - 2), intmask(big * big), intmask(-(-big - 1)))
    print(intmask(2 ** 64 + 5), intmask(3 ** 45), intmask(1 << 64), intmask(7 << 62))
    print(intmask(~big), intmask((big + 1) & 255), intmask((big + 1) | 1), intmask((big * 3) ^ 5))
    # Calls inside the argument are evaluated as usual (checked).
    print(intmask(abs(-5) * big), intmask(len("abc") * big + 4))
    # Exact operands: the exponent and the shift count are not wrapped.
    n = 3
    print(intmask(5 ** (n + 60)), intmask(big << (n - 2)))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
