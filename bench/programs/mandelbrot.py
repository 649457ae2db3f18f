# Float arithmetic in nested loops: escape-time Mandelbrot over a grid.


def escape(cr: float, ci: float, limit: int) -> int:
    zr = 0.0
    zi = 0.0
    k = 0
    while k < limit:
        zr2 = zr * zr
        zi2 = zi * zi
        if zr2 + zi2 > 4.0:
            return k
        zi = 2.0 * zr * zi + ci
        zr = zr2 - zi2 + cr
        k += 1
    return limit


def main(argv: list[str]) -> int:
    size = 400
    if len(argv) > 1:
        size = int(argv[1])
    limit = 60
    inside = 0
    total = 0
    row_sums: list[int] = []
    for y in range(size):
        ci = -1.25 + 2.5 * float(y) / float(size)
        row = 0
        for x in range(size):
            cr = -2.0 + 2.5 * float(x) / float(size)
            k = escape(cr, ci, limit)
            row += k
            if k == limit:
                inside += 1
        row_sums.append(row)
        total += row
    print("inside:", inside, "iterations:", total)
    print("first rows:", row_sums[0:4])
    print("area estimate:", 2.5 * 2.5 * float(inside) / float(size * size))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
