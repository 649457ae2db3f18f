# Nested integer loops over a list: the sieve of Eratosthenes, several times.


def sieve(n: int) -> int:
    flags = [True] * (n + 1)
    flags[0] = False
    flags[1] = False
    i = 2
    while i * i <= n:
        if flags[i]:
            j = i * i
            while j <= n:
                flags[j] = False
                j += i
        i += 1
    count = 0
    for f in flags:
        if f:
            count += 1
    return count


def main(argv: list[str]) -> int:
    n = 1500000
    if len(argv) > 1:
        n = int(argv[1])
    total = 0
    for k in range(3):
        total += sieve(n - k * 1000)
    print("primes:", sieve(n), "total:", total)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
