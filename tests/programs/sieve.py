# The sieve of Eratosthenes, prime factorisation and a few prime statistics.


def sieve(limit: int) -> list[bool]:
    is_prime = [True] * (limit + 1)
    is_prime[0] = False
    is_prime[1] = False
    p = 2
    while p * p <= limit:
        if is_prime[p]:
            m = p * p
            while m <= limit:
                is_prime[m] = False
                m += p
        p += 1
    return is_prime


def factorize(n: int) -> list[int]:
    factors: list[int] = []
    d = 2
    while d * d <= n:
        while n % d == 0:
            factors.append(d)
            n //= d
        d += 1
    if n > 1:
        factors.append(n)
    return factors


def main(argv: list[str]) -> int:
    limit = 20000
    flags = sieve(limit)
    primes: list[int] = []
    for i in range(len(flags)):
        if flags[i]:
            primes.append(i)
    print("primes below", limit, ":", len(primes))
    print("first 25:", primes[:25])
    print("last 5:", primes[-5:])
    twins = 0
    for k in range(1, len(primes)):
        if primes[k] - primes[k - 1] == 2:
            twins += 1
    print("twin pairs", twins)
    gap = 0
    at = 0
    for k2 in range(1, len(primes)):
        if primes[k2] - primes[k2 - 1] > gap:
            gap = primes[k2] - primes[k2 - 1]
            at = primes[k2 - 1]
    print("largest gap", gap, "after", at)
    for n in [2, 12, 360, 97, 1001, 65536, 999999, 600851475143]:
        print(n, factorize(n))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
