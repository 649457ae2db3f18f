# tuple[T, ...]: ordering (<, min, max, sorted) of tuples of run-time length,
# of different lengths and with NaN elements, compared element by element.

def main(argv: list[str]) -> int:
    a: tuple[int, ...] = tuple([1, 2, 3])
    b: tuple[int, ...] = tuple([1, 2])
    print(a < b, b < a, a <= a, a > b, max([a, b]), sorted([a, b]))
    c: tuple[float, ...] = tuple([1.0, float("nan")])
    d: tuple[float, ...] = tuple([1.0, float("nan")])
    print(c == d, c < d, c == c)
    s: tuple[str, ...] = tuple("abc")
    print(s, s < ("a", "c"), min(s))
    return 0

if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
