def show(label: str, s: set[int]) -> None:
    print(label, len(s), s)


def main(argv: list[str]) -> int:
    s: set[int] = set()
    show("empty", s)
    for i in range(0, 200, 7):
        s.add(i * 37 % 101)
    show("grown", s)
    print(list(s)[:10], sorted(s)[:5])
    for i in range(0, 101, 3):
        s.discard(i)
    show("removed", s)
    for i in range(50):
        s.add(i * 1000003)
    show("reinserted", s)
    # Displays with a non-constant element: CPython builds them element by
    # element (an all-constant display comes from a frozenset constant instead).
    k = 0
    # (2**63 itself does not fit in an int: the ends of the range are literals.)
    neg = {k - 1, -2, 2**61 - 1, 2**61, -(2**61), 9223372036854775807, -9223372036854775808, 0, 8, 16, 64}
    show("negative and big", neg)
    t = {k + 5, 13, 21, 29, 37}
    popped = [t.pop(), t.pop()]
    print(popped, t)
    t.add(100)
    t.add(5)
    print(t)
    p = t.pop()
    print(p, t)
    a = {x * x % 17 for x in range(30)}
    b = set(range(0, 40, 3))
    show("a", a)
    show("b", b)
    show("a|b", a | b)
    show("a&b", a & b)
    show("b&a", b & a)
    show("a-b", a - b)
    show("b-a", b - a)
    show("a^b", a ^ b)
    show("b^a", b ^ a)
    big = set(range(100))
    show("big-a", big - a)
    print(a <= b, a & b <= a, a < a, a <= a, big >= a, big > b, a == set(a), a != b)
    print(a.issubset(big), a.issuperset({1, 2}), a.isdisjoint({1000}), a.isdisjoint(b))
    print(a.union(b) == a | b, a.intersection(b), a.difference(b), a.symmetric_difference(b))
    c = a.copy()
    c.update(b)
    show("update", c)
    c -= {0, 1, 2, 3, 4, 5, 6}
    show("-=", c)
    c &= set(range(0, 100, 2))
    show("&=", c)
    c ^= {1, 2, 3, 4}
    show("^=", c)
    c |= {77, 78}
    show("|=", c)
    alias = c
    alias |= {99}
    print(99 in c, 98 in c, 98 not in c)
    c.remove(99)
    try:
        c.remove(99)
    except KeyError as e:
        print("KeyError", e)
    c.clear()
    show("cleared", c)
    try:
        c.pop()
    except KeyError as e:
        print("KeyError", e)
    bs = {True, False, True}
    print(bs, len(bs))
    ts = {(k + 1, 2), (2, 1), (0, 0), (1, 2), (-1, 5)}
    print(ts, (2, 1) in ts)
    tb = {(True, 3), (False, -7)}
    print(tb)
    words = {"x", "y", "x"}
    print(len(words), sorted(words), "x" in words)
    total = 0
    for v in {3, 1, 2, 1000, 9}:
        total = total * 10 + v
    print(total)
    print(set([3, 3, 1, 9, 1]), set("abca") == {"a", "b", "c"}, sorted(set("hello")))
    print(set(x % 5 for x in range(20)), {(i, i % 3) for i in range(6)})
    print(str({1, 2}), repr({4, 5}), f"{ {7} }")
    mutated = {1, 2, 3}
    try:
        for v in mutated:
            mutated.add(v + 10)
    except RuntimeError as e:
        print("RuntimeError", e)
    many: set[int] = set()
    for i in range(2000):
        many.add(i * 7919 % 65536)
    for i in range(0, 2000, 2):
        many.discard(i * 7919 % 65536)
    print(len(many), list(many)[:12], sum(many))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
