# Exponentiation with non-negative exponents.


def power(base: int, exp: int) -> int:
    result = 1
    while exp > 0:
        if exp % 2 == 1:
            result = result * base
        base = base * base
        exp = exp // 2
    return result


def modpow(base: int, exp: int, mod: int) -> int:
    result = 1
    base = base % mod
    while exp > 0:
        if exp & 1:
            result = result * base % mod
        base = base * base % mod
        exp >>= 1
    return result


def main(argv: list[str]) -> int:
    print(2 ** 0, 2 ** 1, 2 ** 10, 2 ** 62)
    print(0 ** 0, 0 ** 5, 1 ** 100, (-1) ** 101, (-1) ** 100)
    print((-3) ** 3, (-3) ** 4, 10 ** 18, 3 ** 39)
    print(-2 ** 4, (-2) ** 5)
    for b in range(-3, 4):
        line = ""
        for e in range(0, 6):
            line = line + str(b ** e) + " "
        print(b, ":", line)
    for b2 in [2, 3, 7, 10]:
        for e2 in [0, 1, 5, 13]:
            if b2 ** e2 != power(b2, e2):
                print("mismatch", b2, e2)
    print("power checks done")
    print(modpow(2, 100, 1000000007), modpow(3, 200, 13), modpow(7, 0, 5))
    n = 5
    n **= 3
    print("n **= 3", n)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
