# Breadth-first search on a maze given as strings; prints distances and the path.


def solve(maze: list[str]) -> tuple[int, str]:
    h = len(maze)
    w = len(maze[0])
    start = (0, 0)
    goal = (0, 0)
    for r in range(h):
        for c in range(w):
            if maze[r][c] == "S":
                start = (r, c)
            elif maze[r][c] == "G":
                goal = (r, c)
    dist: dict[int, int] = {}
    prev: dict[int, int] = {}
    key0 = start[0] * w + start[1]
    dist[key0] = 0
    queue: list[int] = [key0]
    head = 0
    moves: list[tuple[int, int]] = [(0, 1), (1, 0), (0, -1), (-1, 0)]
    while head < len(queue):
        cur = queue[head]
        head += 1
        r0 = cur // w
        c0 = cur % w
        for dr, dc in moves:
            r1 = r0 + dr
            c1 = c0 + dc
            if r1 < 0 or r1 >= h or c1 < 0 or c1 >= w:
                continue
            if maze[r1][c1] == "#":
                continue
            k = r1 * w + c1
            if k in dist:
                continue
            dist[k] = dist[cur] + 1
            prev[k] = cur
            queue.append(k)
    gk = goal[0] * w + goal[1]
    if gk not in dist:
        return (-1, "")
    rows: list[list[str]] = []
    for line in maze:
        rows.append(list(line))
    p = prev[gk]
    while p != key0:
        rows[p // w][p % w] = "*"
        p = prev[p]
    out: list[str] = []
    for row in rows:
        out.append("".join(row))
    return (dist[gk], "\n".join(out))


def main(argv: list[str]) -> int:
    maze = [
        "S..#......",
        ".#.#.####.",
        ".#...#....",
        ".####.#.##",
        "......#..G",
    ]
    d, drawing = solve(maze)
    print("distance", d)
    print(drawing)
    blocked = ["S#.", "##.", "..G"]
    d2, drawing2 = solve(blocked)
    print("distance", d2, repr(drawing2))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
