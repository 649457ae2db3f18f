# Lists are references: aliasing, copying and the repeated-row pitfall.


def fill(xs: list[int], value: int) -> None:
    for i in range(len(xs)):
        xs[i] = value


def appended(xs: list[int], value: int) -> list[int]:
    xs.append(value)
    return xs


def main(argv: list[str]) -> int:
    a = [1, 2, 3]
    b = a
    c = a.copy()
    d = a[:]
    b.append(4)
    print(a, b, c, d)
    print(a is b, a is c, a == b, c == d, c is d, a is not c)
    fill(c, 7)
    print(a, c)
    e = appended(a, 5)
    print(a, e, e is a)
    shared = [[0] * 3] * 3
    shared[0][0] = 1
    print(shared)
    separate: list[list[int]] = []
    for i in range(3):
        separate.append([0] * 3)
    separate[0][0] = 1
    print(separate)
    row = [9, 9]
    table: list[list[int]] = [row, row]
    row[0] = 1
    print(table)
    outer: list[list[int]] = [[1], [2]]
    copy = outer.copy()
    copy[0].append(10)
    copy.append([3])
    print(outer, copy)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
