# Recursive functions: fib, factorial, ackermann, gcd, hanoi, power set size.


def fib(n: int) -> int:
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def fact(n: int) -> int:
    if n <= 1:
        return 1
    return n * fact(n - 1)


def ackermann(m: int, n: int) -> int:
    if m == 0:
        return n + 1
    if n == 0:
        return ackermann(m - 1, 1)
    return ackermann(m - 1, ackermann(m, n - 1))


def gcd(a: int, b: int) -> int:
    if b == 0:
        return a
    return gcd(b, a % b)


def hanoi(n: int, src: str, dst: str, via: str, moves: list[str]) -> None:
    if n == 0:
        return
    hanoi(n - 1, src, via, dst, moves)
    moves.append(src + dst)
    hanoi(n - 1, via, dst, src, moves)


def subsets(items: list[str], i: int) -> list[list[str]]:
    if i == len(items):
        base: list[list[str]] = [[]]
        return base
    rest = subsets(items, i + 1)
    out: list[list[str]] = []
    for r in rest:
        out.append(r)
    for r2 in rest:
        out.append([items[i]] + r2)
    return out


def depth(n: int) -> int:
    if n == 0:
        return 0
    return 1 + depth(n - 1)


def main(argv: list[str]) -> int:
    fibs: list[int] = []
    for i in range(20):
        fibs.append(fib(i))
    print(fibs)
    print(fact(0), fact(5), fact(20))
    for m in range(3):
        for n in range(4):
            print("A", m, n, ackermann(m, n))
    print("A 2 3", ackermann(2, 3), "A 3 3", ackermann(3, 3))
    print(gcd(48, 18), gcd(17, 5), gcd(0, 9), gcd(1071, 462))
    moves: list[str] = []
    hanoi(4, "A", "C", "B", moves)
    print(len(moves), moves)
    print(subsets(["a", "b", "c"], 0))
    print("depth", depth(900))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
