# Sorting lists that hold one list (or tuple) several times, in place and
# through sorted, min and max: equal elements compare as the same storage.


def main(argv: list[str]) -> int:
    a = [2, 1]
    b = [1, 5]
    rows = [a, b, a, a, b]
    rows.sort()
    print(rows)
    rows.sort(reverse=True)
    print(rows)
    print(sorted(rows))
    print(sorted([a, a]))
    print(min(rows), max(rows))
    print(min([a, a]), max([a, a]))
    a.sort()
    print(rows)
    rows.sort()
    print(rows, rows[0] is a, rows[-1] is b)

    t = (1, "x")
    pairs = [t, (0, "y"), t, t]
    pairs.sort()
    print(pairs)
    print(sorted(pairs, reverse=True))

    grid = [[a, b], [a, b], [b, a]]
    grid.sort()
    print(grid)
    print(grid[0] < grid[1], grid[0] <= grid[1], grid[1] < grid[2])

    self_row = [a]
    table = [self_row, self_row, self_row]
    table.sort()
    print(table, table[0] is table[2])
    big = [[i % 3, i % 2] for i in range(12)]
    twice = big + big
    twice.sort()
    print(twice[:4], twice[-2:])
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(main(sys.argv))
