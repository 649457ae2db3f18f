# inf, -inf, nan and signed zero.


def main(argv: list[str]) -> int:
    inf = float("inf")
    ninf = float("-inf")
    nan = float("nan")
    print(inf, ninf, nan)
    print(inf + 1.0, inf * 2.0, -inf, inf - inf, inf * 0.0)
    print(inf > 1e308, ninf < -1e308, inf == inf, ninf == -inf)
    print(nan == nan, nan != nan, nan < 1.0, nan > 1.0, nan == 1.0)
    print(1.0 / inf, -1.0 / inf, 5.0 - inf)
    print(repr(inf), str(ninf), repr(nan))
    print(f"{inf} {ninf} {nan}")
    z = -0.0
    print(z, 0.0, z == 0.0, -z, 0.0 * -1.0, abs(z))
    print(1e308 + 1e308, -(1e308 + 1e308))
    print(float("1e500"), float("-1e500"), float("1e-500"))
    values: list[float] = [inf, 1.0, ninf, 0.0]
    print(values, max(values), min(values))
    print(sorted([3.5, -inf, 2.0, inf, -0.5]))
    print(max(inf, 3.0), min(ninf, -3.0))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
