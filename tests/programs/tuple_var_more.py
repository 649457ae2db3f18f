# tuple[T, ...]: %-formatting with a tuple of run-time length, sets of tuples,
# nested tuples, comprehensions of tuples, empty tuples typed by annotation.

def main(argv: list[str]) -> int:
    t = tuple([3, 4])
    print("%d-%d" % t, "%s" % (t,), f"{t!r:>12}|{t}")
    s = {tuple([1, 2]), tuple([2, 1]), (1, 2)}
    print(s, len(s))
    nested: tuple[tuple[int, ...], ...] = (t, tuple(range(3)), ())
    print(nested, nested[2], len(nested[1]))
    ls = [tuple(x for x in range(k)) for k in range(4)]
    print(ls, sorted(ls, reverse=True))
    print(type(t).__name__, len(t))
    empty: tuple[int, ...] = ()
    print(empty == (), t != (3, 4), (3, 4) == t)
    try:
        print("%d %d %d" % t)
    except TypeError as e:
        print("TypeError:", e)
    print(() == empty, t > ())
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(main(sys.argv))
