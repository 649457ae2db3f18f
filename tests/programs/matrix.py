# Matrix multiply, transpose, identity, powers and a determinant by elimination.


def zeros(n: int, m: int) -> list[list[int]]:
    out: list[list[int]] = []
    for i in range(n):
        out.append([0] * m)
    return out


def matmul(a: list[list[int]], b: list[list[int]]) -> list[list[int]]:
    n = len(a)
    m = len(b[0])
    k = len(b)
    c = zeros(n, m)
    for i in range(n):
        for j in range(m):
            acc = 0
            for t in range(k):
                acc += a[i][t] * b[t][j]
            c[i][j] = acc
    return c


def transpose(a: list[list[int]]) -> list[list[int]]:
    t = zeros(len(a[0]), len(a))
    for i in range(len(a)):
        for j in range(len(a[0])):
            t[j][i] = a[i][j]
    return t


def identity(n: int) -> list[list[int]]:
    m = zeros(n, n)
    for i in range(n):
        m[i][i] = 1
    return m


def matpow(a: list[list[int]], e: int) -> list[list[int]]:
    result = identity(len(a))
    base = a
    while e > 0:
        if e % 2 == 1:
            result = matmul(result, base)
        base = matmul(base, base)
        e //= 2
    return result


def det(a: list[list[int]]) -> float:
    n = len(a)
    m: list[list[float]] = []
    for row in a:
        fr: list[float] = []
        for v in row:
            fr.append(float(v))
        m.append(fr)
    d = 1.0
    for col in range(n):
        pivot = col
        while pivot < n and m[pivot][col] == 0.0:
            pivot += 1
        if pivot == n:
            return 0.0
        if pivot != col:
            tmp = m[pivot]
            m[pivot] = m[col]
            m[col] = tmp
            d = -d
        d *= m[col][col]
        for r in range(col + 1, n):
            f = m[r][col] / m[col][col]
            for c in range(col, n):
                m[r][c] -= f * m[col][c]
    return d


def show(name: str, m: list[list[int]]) -> None:
    print(name)
    for row in m:
        line = ""
        for v in row:
            line = line + " " + str(v)
        print(" ", line)


def main(argv: list[str]) -> int:
    a = [[1, 2, 3], [4, 5, 6]]
    b = [[7, 8], [9, 10], [11, 12]]
    show("a", a)
    show("b", b)
    show("a*b", matmul(a, b))
    show("b*a", matmul(b, a))
    show("a^T", transpose(a))
    print(matmul(a, b))
    fib = [[1, 1], [1, 0]]
    print("fib(50) via matrix", matpow(fib, 50)[0][1])
    n = 12
    big = zeros(n, n)
    for i in range(n):
        for j in range(n):
            big[i][j] = (i * 7 + j * 3) % 11 - 5
    sq = matmul(big, big)
    trace = 0
    for i2 in range(n):
        trace += sq[i2][i2]
    print("trace of big^2", trace, "corner", sq[0][0], sq[n - 1][n - 1])
    print(det([[2, 0], [0, 3]]), det([[1, 2], [2, 4]]), det([[0, 1], [1, 0]]))
    print(det([[4, 3, 2], [1, 3, 1], [2, 1, 5]]))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
