# for over range with one, two and three arguments, negative steps and empty ranges.


def show(label: str, xs: list[int]) -> None:
    print(label, xs, len(xs))


def collect(start: int, stop: int, step: int) -> list[int]:
    out: list[int] = []
    for i in range(start, stop, step):
        out.append(i)
    return out


def main(argv: list[str]) -> int:
    a: list[int] = []
    for i in range(5):
        a.append(i)
    show("range(5)", a)
    b: list[int] = []
    for i in range(3, 8):
        b.append(i)
    show("range(3, 8)", b)
    show("range(0, 10, 3)", collect(0, 10, 3))
    show("range(10, 0, -1)", collect(10, 0, -1))
    show("range(10, 0, -3)", collect(10, 0, -3))
    show("range(-5, 5, 2)", collect(-5, 5, 2))
    show("range(5, -5, -2)", collect(5, -5, -2))
    show("range(0, 0, 1)", collect(0, 0, 1))
    show("range(5, 0, 1)", collect(5, 0, 1))
    show("range(0, 5, -1)", collect(0, 5, -1))
    show("range(-1, -10, -4)", collect(-1, -10, -4))
    empty = 0
    for j in range(0):
        empty += 1
    for j in range(-3):
        empty += 1
    print("empty loops ran", empty, "times")
    n = 3
    for k in range(n):
        n = 10
        print("k", k, "n", n)
    total = 0
    for x in range(1, 101):
        if x % 2 == 0:
            continue
        if x > 50:
            break
        total += x
    print("odd sum up to 50", total)
    for outer in range(3):
        for inner in range(3):
            if inner == outer:
                break
            print("pair", outer, inner)
    last = -1
    for m in range(7):
        last = m
    print("last", last)
    step = -1
    for m2 in range(3, -1, step):
        print("down", m2)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
