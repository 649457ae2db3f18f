# Conway's game of life on a small torus; prints generations of a glider and a blinker.


def parse(rows: list[str]) -> list[list[bool]]:
    grid: list[list[bool]] = []
    for r in rows:
        line: list[bool] = []
        for ch in r:
            line.append(ch == "#")
        grid.append(line)
    return grid


def neighbours(g: list[list[bool]], r: int, c: int) -> int:
    h = len(g)
    w = len(g[0])
    n = 0
    for dr in range(-1, 2):
        for dc in range(-1, 2):
            if dr == 0 and dc == 0:
                continue
            if g[(r + dr) % h][(c + dc) % w]:
                n += 1
    return n


def step(g: list[list[bool]]) -> list[list[bool]]:
    out: list[list[bool]] = []
    for r in range(len(g)):
        row: list[bool] = []
        for c in range(len(g[0])):
            n = neighbours(g, r, c)
            alive = g[r][c]
            row.append(n == 3 or (alive and n == 2))
        out.append(row)
    return out


def render(g: list[list[bool]]) -> str:
    lines: list[str] = []
    for row in g:
        s = ""
        for cell in row:
            s = s + ("#" if cell else ".")
        lines.append(s)
    return "\n".join(lines)


def population(g: list[list[bool]]) -> int:
    n = 0
    for row in g:
        for cell in row:
            if cell:
                n += 1
    return n


def main(argv: list[str]) -> int:
    g = parse([
        ".#......",
        "..#.....",
        "###.....",
        "........",
        "........",
        ".....###",
    ])
    for gen in range(5):
        print("generation", gen, "population", population(g))
        print(render(g))
        g = step(g)
    for gen2 in range(5, 40):
        g = step(g)
    print("generation 40 population", population(g))
    print(render(g))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
