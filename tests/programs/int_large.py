# Values near the ends of the signed 64-bit range that do not overflow.


def main(argv: list[str]) -> int:
    big = 9223372036854775807
    print(big)
    print(-big)
    print(-big - 1)
    print((-2) ** 63)
    print(2 ** 62 + (2 ** 62 - 1))
    print(big // 2, big % 2, big // 1000000007, big % 1000000007)
    print((-big - 1) // 2, (-big - 1) % 7)
    print(big - 1, big > big - 1, -big - 1 < -big)
    print((4611686018427387904 - 1) * 2 + 1)
    print(3037000499 * 3037000499)
    print(len(str(big)), str(-big - 1))
    print(int("9223372036854775807"), int("-9223372036854775808"))
    print(big >> 62, (-big - 1) >> 63, big & 0xFF)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
