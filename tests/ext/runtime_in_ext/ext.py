from main import Space


def ints(out: list[str]) -> None:
    a = 17
    b = -5
    out.append(str((a + b, a - b, a * b, a // b, a % b, -a // 3, -a % 3, a**3, a / b)))
    out.append(str([a & 6, a | 8, a ^ 5, a << 3, a >> 2, ~a, abs(b), min(a, b), max(a, b, 3)]))
    out.append(str((int("42"), int("-7"), int(3.99), int(-3.99), int(True), float(a), bool(0), bool(b))))
    try:
        out.append(str(a // 0))
    except ZeroDivisionError as e:
        out.append("zde: " + str(e))
    try:
        out.append(str(a % 0))
    except ZeroDivisionError as e:
        out.append("zde: " + str(e))
    try:
        out.append(str(int("12x")))
    except ValueError as e:
        out.append("ve: " + str(e))


def floats(out: list[str]) -> None:
    x = 2.5
    y = -0.1
    out.append(str([x + y, x - y, x * y, x / y, x // 0.7, x % 0.7, -x, abs(y), x**2, 1e300 * 1e10]))
    out.append(str([float("1.5"), float(7), 0.1 + 0.2, 1e22, 1e-7, 123456789.0 * 1000.0, min(x, y), max(x, y)]))
    out.append(str(x < y) + str(x >= 2.5) + str(x == 2.5))
    out.append(repr(x) + " " + str(y) + f" {x} {y * 3}")
    try:
        out.append(str(x / 0.0))
    except ZeroDivisionError as e:
        out.append("zde: " + str(e))


def strings(out: list[str]) -> None:
    s = "  Hello, Wörld!  "
    t = s.strip()
    out.append(repr(t) + repr(s.lstrip()) + repr(s.rstrip()))
    out.append(str((t.upper(), t.lower(), t.find("o"), t.find("zz"), t.replace("l", "L"), len(t))))
    out.append(str(t.split(", ")) + str("a b  c".split()) + str("a,b,,c".split(",")))
    out.append("-".join(["x", "y", "z"]) + "|" + "".join([]))
    out.append(str([t.startswith("Hel"), t.endswith("!"), "ö" in t, "z" not in t]))
    out.append(str(["123".isdigit(), "abc".isalpha(), " ".isspace(), "abc".islower(), "ABC".isupper()]))
    out.append(t[0] + t[-1] + t[2:5] + t[::-1] + t[1:8:2] + t[-3:])
    out.append(str((ord("A"), ord("ö"), chr(65), chr(246), "ab" * 3, "x" < "y", "b" > "abc")))
    out.append(repr("quote's") + repr('dq"') + repr("nl\n") + repr("tab\t"))
    chars: list[str] = []
    for ch in "héllo":
        chars.append(ch)
    out.append(str(chars) + str(list("abc")))
    try:
        out.append(t[100])
    except IndexError as e:
        out.append("ie: " + str(e))


def lists(out: list[str]) -> None:
    xs = [5, 3, 9, 1]
    xs.append(7)
    xs.insert(0, 0)
    xs.extend([2, 2])
    p = xs.pop()
    q = xs.pop(0)
    out.append(str(xs) + str((p, q, xs.index(9), len(xs), 9 in xs, 4 in xs)))
    ys = xs.copy()
    ys.sort()
    zs = sorted(xs)
    xs.reverse()
    out.append(str((xs, ys, zs, xs[1:3], xs[::2], xs[-1], sorted(["b", "a"]), sorted([2.5, -1.0]))))
    nested = [[1], [2, 3]]
    nested[1].append(4)
    out.append(str(nested) + str(xs + ys) + str([0] * 3) + str(xs == list(xs)))
    del_me = {"a": 1}
    del del_me["a"]
    out.append(str(del_me))
    try:
        out.append(str(xs[99]))
    except IndexError as e:
        out.append("ie: " + str(e))
    try:
        xs.index(42)
    except ValueError as e:
        out.append("ve: " + str(e))


def dicts(out: list[str]) -> None:
    d: dict[str, int] = {"b": 2, "a": 1}
    d["c"] = 3
    d.setdefault("d", 4)
    d.setdefault("a", 100)
    out.append(str(d) + str((d.get("a", 0), d.get("z", -1), len(d), "c" in d, "z" in d)))
    out.append(str(list(d.keys())) + str(list(d.values())) + str(d.pop("b")) + str(d))
    items: list[str] = []
    for k, v in d.items():
        items.append(k + "=" + str(v))
    out.append(",".join(items))
    e = d.copy()
    e["e"] = 5
    ints_d: dict[int, str] = {3: "c", -1: "m"}
    out.append(str(e) + str(d) + str(ints_d) + str(ints_d[-1]))
    try:
        out.append(str(d["nope"]))
    except KeyError as err:
        out.append("ke: " + str(err))
    t = (1, "two", 3.0)
    n, s, f = t
    out.append(str(t) + str((5,)) + str(n) + s + str(f) + str(t[1]))


def init_module(space: Space) -> None:
    ints(space.out)
    floats(space.out)
    strings(space.out)
    lists(space.out)
    dicts(space.out)
    i = 0
    total = 0
    while True:
        i += 1
        if i % 2 == 0:
            continue
        if i > 9:
            break
        total += i
    space.out.append(f"loop {i} {total} {'yes' if total > 10 else 'no'}")
    assert total == 25, "total"
    try:
        assert total == 0, "total is " + str(total)
    except AssertionError as e:
        space.out.append("ae: " + str(e))
