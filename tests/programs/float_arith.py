# Float arithmetic and mixing int with float.


def mean(xs: list[float]) -> float:
    total = 0.0
    for x in xs:
        total += x
    return total / len(xs)


def sqrt(x: float) -> float:
    guess = x / 2.0
    for i in range(30):
        guess = (guess + x / guess) / 2.0
    return guess


def main(argv: list[str]) -> int:
    a = 7.5
    b = 2.0
    print(a + b, a - b, a * b, a / b)
    print(-a, +a, a * -1.0)
    n = 3
    print(n + a, a + n, n * b, n / b, b / n, n - a)
    print(1 / 2, 3 / 1, 0 / 5, -9 / 3)
    print(2.0 ** 10, 2.0 ** 0.5, 10.0 ** -2, 2 ** 0.5, 4 ** 0.5)
    print(mean([1.0, 2.0, 3.0, 4.0]))
    print(mean([0.1, 0.2, 0.3]))
    print(sqrt(2.0), sqrt(9.0), sqrt(1e10))
    print(1.5 < 2, 2 < 1.5, 1 == 1.0, 2.0 != 2, 3 >= 2.5, -1 <= -1.0)
    print(0.1 + 0.2 == 0.3, 0.5 + 0.25 == 0.75)
    c = 1.0
    c += 1
    c *= 3
    c -= 0.5
    c /= 2
    print("augmented", c)
    total = 0.0
    for i in range(1, 11):
        total = total + 1 / i
    print("harmonic 10", total)
    k = 0
    v = 1.0
    while v != 0.0:
        v = v / 2.0
        k += 1
    print("halvings to zero", k)
    print(float(3), float(-0), float(True), int(2.9), int(-2.9), int(1e15))
    print(abs(-2.5), abs(2.5), abs(-0.0), min(1.5, 0.5), max(-1.0, -2.0))
    print(1e308 * 10, -1e308 * 10)
    print(3.0 * 0.1, 0.1 * 3, 1.0 - 0.9)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
