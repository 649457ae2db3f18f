# list.count, list.remove, list.clear; dict.update, dict.clear and
# dict.popitem (last in, first out), with their errors.


def main(argv: list[str]) -> int:
    xs = [3, 1, 3, 2, 3]
    print(xs.count(3), xs.count(7), xs[:0].count(1), ["a", "b", "a"].count("a"), [1.5, 1.5].count(1.5))
    print([[1], [2], [1]].count([1]), [(1, "a"), (1, "b")].count((1, "a")))
    xs.remove(3)
    print(xs)
    xs.remove(3)
    print(xs)
    try:
        xs.remove(42)
    except ValueError as err:
        print("ValueError:", err)
    names = ["ann", "bob", "ann"]
    names.remove("ann")
    print(names)
    xs.clear()
    print(xs, len(xs))
    xs.append(9)
    print(xs)
    d = {"a": 1, "b": 2}
    d.update({"b": 20, "c": 30})
    print(d)
    d.update(d)
    print(d)
    d.update({})
    e: dict[int, list[str]] = {}
    e.update({1: ["x"], 2: []})
    print(e)
    print(d.popitem(), d)
    d["z"] = 26
    print(d.popitem(), d.popitem(), d)
    k, v = d.popitem()
    print(k, v, d)
    try:
        d.popitem()
    except KeyError as err:
        print("KeyError:", err)
    e.clear()
    print(e, len(e))
    e[5] = ["five"]
    print(e)
    big = {0: 0, 1: 1, 2: 4}
    big.clear()
    big.update({7: 49})
    print(big)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
