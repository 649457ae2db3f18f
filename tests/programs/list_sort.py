# sort, sorted, reverse and copy on lists of int, float and str.


def main(argv: list[str]) -> int:
    xs: list[int] = [5, -3, 9, 0, 2, 2, -10, 7]
    ys = sorted(xs)
    print(xs, ys)
    xs.sort()
    print(xs, xs == ys)
    xs.reverse()
    print(xs)
    fs: list[float] = [2.5, -1.0, 3.25, 0.0, -7.5, 1e10, 1e-3]
    print(sorted(fs))
    fs.sort()
    fs.reverse()
    print(fs)
    ss = ["pear", "Apple", "banana", "apple", "", "Banana", "a", "ab"]
    print(sorted(ss))
    ss.sort()
    print(ss)
    orig = [3, 1, 2]
    cp = orig.copy()
    cp.sort()
    print(orig, cp)
    alias = orig
    alias.sort()
    print(orig, alias)
    empty: list[int] = []
    empty.sort()
    print(empty, sorted(empty))
    one = [42]
    one.reverse()
    print(one)
    big: list[int] = []
    seed = 12345
    for i in range(200):
        seed = (seed * 1103515245 + 12345) % 2147483648
        big.append(seed % 1000)
    big.sort()
    ok = True
    for j in range(1, len(big)):
        if big[j - 1] > big[j]:
            ok = False
    print("sorted ok", ok, big[:5], big[-5:])
    print(sorted("hello world"), sorted(["b", "a"]) == ["a", "b"])
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
