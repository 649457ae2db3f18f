# List concatenation, repetition, membership, equality, list() and nesting.


def main(argv: list[str]) -> int:
    a: list[int] = [1, 2, 3]
    b: list[int] = [4, 5]
    none: list[int] = []
    print(a + b, b + a, a + none, none + a, a * 2, [0] * 5, a * 0, 2 * b)
    print(3 in a, 4 in a, 4 not in a, "x" in ["x", "y"])
    print(a == [1, 2, 3], a != b, a + b == [1, 2, 3, 4, 5])
    c = a
    c += [9]
    print(a, c)
    d = list(a)
    d.append(100)
    print(a, d)
    print(list("abc"), list(""), list("日本"))
    grid: list[list[int]] = [[1, 2, 3], [4, 5, 6]]
    print(grid, grid[1], grid[1][2], grid[-1][-1], len(grid), len(grid[0]))
    grid[0][0] = 99
    grid.append([7])
    print(grid)
    words: list[list[str]] = [["a"], [], ["b", "c"]]
    print(words)
    floats: list[float] = [1.0, 2.5]
    print(floats + [3.0], floats * 2)
    flat: list[int] = []
    for row in grid:
        flat.extend(row)
    print(flat)
    strs = ["x", "y"] * 3
    print(strs, len(strs))
    deep: list[list[list[int]]] = [[[1], [2, 3]], [[]]]
    print(deep, deep[0][1][1])
    bools: list[bool] = [True, False]
    print(bools * 2)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
