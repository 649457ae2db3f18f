# Booleans: and/or/not, printing, comparisons producing bools, short-circuiting.

calls: list[str] = []


def check(name: str, value: bool) -> bool:
    calls.append(name)
    return value


def main(argv: list[str]) -> int:
    t = True
    f = False
    print(t, f, not t, not f)
    print(t and f, t or f, f or f, t and t)
    print(not t and f, not (t and f), not not t)
    print(t == f, t != f, t == True, f is False)
    print(1 < 2, 2 < 1, 3 == 3, "a" == "ab"[1])
    print(str(t), repr(f), f"{t}-{f}")
    bools: list[bool] = [True, False, True]
    print(bools, len(bools))
    r = check("a", False) and check("b", True)
    print(r, calls)
    r = check("c", True) or check("d", True)
    print(r, calls)
    r = check("e", True) and check("f", False) or check("g", True)
    print(r, calls)
    count = 0
    for i in range(20):
        if i % 2 == 0 and i % 3 == 0 or i == 7:
            count += 1
    print("count", count)
    x = 5
    ok = x > 0 and x < 10
    print("in range", ok)
    flag = False
    flag = flag or x == 5
    print("flag", flag)
    table = ""
    for a in [False, True]:
        for b in [False, True]:
            table = table + f"{a},{b}:{a and b}/{a or b}/{a != b}; "
    print(table)
    print(True if x > 3 else False, bool(x) == True)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
