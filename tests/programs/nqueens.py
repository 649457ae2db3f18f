# N-queens by backtracking: counts solutions and prints the first board.


def safe(cols: list[int], row: int, col: int) -> bool:
    for r in range(row):
        c = cols[r]
        if c == col or abs(c - col) == row - r:
            return False
    return True


def solve(n: int, row: int, cols: list[int], found: list[list[int]]) -> int:
    if row == n:
        found.append(cols.copy())
        return 1
    count = 0
    for col in range(n):
        if safe(cols, row, col):
            cols[row] = col
            count += solve(n, row + 1, cols, found)
    return count


def board(cols: list[int]) -> str:
    lines: list[str] = []
    for c in cols:
        lines.append("." * c + "Q" + "." * (len(cols) - c - 1))
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    for n in range(1, 8):
        found: list[list[int]] = []
        count = solve(n, 0, [0] * n, found)
        print(n, "queens:", count, "solutions")
        if n == 6:
            for sol in found:
                print(sol)
    first: list[list[int]] = []
    solve(8, 0, [0] * 8, first)
    print(len(first))
    print(board(first[0]))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
