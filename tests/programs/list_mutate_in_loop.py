# Lists changed while a for loop walks them: CPython's list iterator is an
# index checked against the current length, and so is the translated loop.


def main(argv: list[str]) -> int:
    xs: list[int] = [1, 2, 3]
    for x in xs:
        if x < 3:
            xs.append(x * 10)
        print("saw", x, len(xs))
    print(xs)

    ys: list[int] = [1, 2, 3, 4, 5, 6]
    for y in ys:
        print("at", y)
        if y == 2:
            ys.pop()
            ys.pop()
    print(ys)

    zs: list[str] = ["a", "b", "c", "d"]
    inserted = False
    for z in zs:
        print("z", z)
        if z == "b" and not inserted:
            zs.insert(0, "front")
            inserted = True
    print(zs)

    empty: list[float] = []
    for f in empty:
        print("never", f)
    nested: list[list[int]] = [[1, 2], [3], []]
    total = 0
    for row in nested:
        for v in row:
            total += v
    print(total)
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(main(sys.argv))
