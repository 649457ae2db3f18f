# Insertion order survives updates; deletion then re-insertion moves a key to the end.


def main(argv: list[str]) -> int:
    d: dict[str, int] = {}
    for name in ["c", "a", "b", "e", "d"]:
        d[name] = len(d)
    print(d)
    d["a"] = 100
    print("update keeps position", d)
    del d["a"]
    print("deleted", d)
    d["a"] = 1
    print("re-inserted at end", d)
    d.pop("c")
    d["c"] = 2
    print(d, list(d.keys()))
    n: dict[int, int] = {}
    for i in range(10):
        n[i * 7 % 10] = i
    print(n)
    for j in range(0, 10, 2):
        del n[j]
    print(n)
    for j2 in range(0, 10, 3):
        n[j2] = -j2
    print(n)
    many: dict[int, int] = {}
    for k in range(1000):
        many[k] = k
    for k2 in range(0, 1000, 2):
        del many[k2]
    for k3 in range(0, 20, 4):
        many[k3] = 0
    keys = list(many.keys())
    print(len(many), keys[:5], keys[-6:])
    s = many.setdefault(1, 77)
    t = many.setdefault(2000, 77)
    print(s, t, list(many.keys())[-1])
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
