# A random mix of set operations (a linear congruential generator picks
# them); the order-sensitive digest of each set is compared with CPython's.


def digest(s: set[int]) -> int:
    h = 0
    for i, v in enumerate(s):
        h = (h * 31 + (v % 1000003) * (i + 1)) % 1000000007
    return h


def tdigest(s: set[tuple[int, bool]]) -> int:
    h = 0
    for a, b in s:
        h = (h * 131 + a * 2 + (1 if b else 0)) % 1000000007
    return h


def main(argv: list[str]) -> int:
    steps = int(argv[1]) if len(argv) > 1 else 20000
    seed = 12345
    s: set[int] = set()
    t: set[int] = set()
    pairs: set[tuple[int, bool]] = set()
    popped = 0
    for step in range(steps):
        seed = (seed * 1103515245 + 12345) % 2147483648
        op = seed % 10
        v = (seed // 16) % 3000 - 1000
        if op < 4:
            s.add(v)
        elif op < 6:
            s.discard(v)
        elif op == 6 and len(s) > 0:
            popped += s.pop()
        elif op == 7:
            t.add(v * 7)
            pairs.add((v % 50, v % 3 == 0))
        elif op == 8:
            pairs.discard((v % 50, v % 3 == 0))
            t.discard(v * 7)
        else:
            s.add(v * 1000003)
        if step % (steps // 10) == 0:
            print(step, len(s), digest(s), len(t), digest(t), len(pairs), tdigest(pairs))
    print("popped", popped)
    print(digest(s | t), digest(s & t), digest(s - t), digest(t - s), digest(s ^ t))
    u = s.copy()
    u -= t
    w = t.copy()
    w &= s
    x = s.copy()
    x ^= t
    print(digest(u), digest(w), digest(x), digest(set(sorted(s))))
    print(list(s)[:8], list(t)[:8], list(pairs)[:5])
    # Large and negative hashes exercise the perturbation; small sets against
    # large ones take CPython's other paths of difference and intersection.
    big: set[int] = set()
    for step in range(steps // 4):
        seed = (seed * 1103515245 + 12345) % 2147483648
        v = (seed % 100000) * 1099511627776 - (seed % 7) * 576460752303423488
        if seed % 5 == 0:
            big.discard(v)
        else:
            big.add(v)
    small = set(list(big)[:5])
    clean = set(sorted(big))
    print(len(big), digest(big), digest(big.copy()), digest(clean), digest(clean.copy()))
    print(digest(big - small), digest(small - big), digest(big & small), digest(small & big))
    print(digest(big | small), digest(small | big), digest(big ^ small), digest(small ^ big))
    q = big.copy()
    q.intersection_update(small)
    r = small.copy()
    r.difference_update(big)
    z = big.copy()
    z.symmetric_difference_update(small)
    print(digest(q), digest(r), digest(z), list(z)[:4])
    while len(small) > 0:
        print(small.pop(), len(small))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
