# Dict displays and methods: get, keys, values, items, pop, copy, setdefault, del.


def main(argv: list[str]) -> int:
    d: dict[str, int] = {"one": 1, "two": 2, "three": 3}
    print(d, len(d), d["two"])
    d["four"] = 4
    d["one"] = 100
    print(d)
    print(d.get("one", 0), d.get("zero", 0), d.get("four", -1))
    print(list(d.keys()), list(d.values()))
    for k, v in d.items():
        print(k, v)
    print("pop", d.pop("two"), d)
    print("pop default", d.pop("missing", -1), d)
    e = d.copy()
    e["five"] = 5
    print(d, e)
    print(d.setdefault("one", 0), d.setdefault("six", 6), d)
    del d["one"]
    print(d, "one" in d, "six" in d, "one" not in d)
    ids: dict[int, str] = {1: "a", 10: "b", -5: "c"}
    print(ids, ids[10], ids[-5], 10 in ids, 11 in ids)
    ids[0] = "zero"
    del ids[1]
    print(ids, ids.get(0, "?"), ids.get(99, "?"))
    empty: dict[str, float] = {}
    print(empty, len(empty))
    empty["pi"] = 3.14
    print(empty)
    counts: dict[str, int] = {}
    for ch in "mississippi":
        counts[ch] = counts.get(ch, 0) + 1
    print(counts)
    for key in counts:
        counts[key] *= 10
    print(counts)
    total = 0
    for value in counts.values():
        total += value
    print("total", total, len(counts.keys()))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
