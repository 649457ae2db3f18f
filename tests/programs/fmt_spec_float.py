# Format specs on floats: fixed, exponent, general and percent types with
# and without precision, CPython's rounding (ties to even on exact halves),
# negative zero, the 'z' option, inf and nan, grouping and padding.


def main(argv: list[str]) -> int:
    values = [0.0, -0.0, 1.0, -1.5, 0.1, 2.5, 0.125, 0.375, 1.0 / 3.0, 2.0 / 3.0, 123456.789, 1e16, 1e-7,
              1e22, 5e-324, 1.7976931348623157e308, 9.995, 99.5, 0.5, 1.5]
    for x in values:
        print(f"{x} | {x:.3f} | {x:.0f} | {x:e} | {x:.2E} | {x:g} | {x:.3g} | {x:G} | {x:%} | {x:.1%}")
        print(f"{x:12.4f}| {x:<12.2e}| {x:^12g}| {x:+.2f} | {x: .2f} | {x:012.3f} | {x:,.2f} | {x:_g}")
        print(f"{x:#.0f} | {x:#g} | {x:#.3g} | {x:.3} | {x:.0} | {x:#} | {x:z.1f} | {x:>10} | {x:n}")
    inf = float("inf")
    nan = float("nan")
    for y in [inf, -inf, nan]:
        print(f"{y} | {y:f} | {y:F} | {y:e} | {y:E} | {y:g} | {y:G} | {y:%} | {y:010} | {y:+} | {y:*^9.2f}")
    for p in range(0, 18):
        print(f"{p:2} {0.1:.{p}f} {2.0 / 3.0:.{p}g} {12345.678:.{p}e}")
    print(f"{1234567.0:,.2f} {1234567.0:_.1f} {0.000012345:.3g} {123456789.0:.10g} {1e100:.0f}")
    print(f"{-0.0001:z.2f} {-0.0:z} {-0.0:zg} {-1e-10:z.3e}")
    print(f"{3.14159:10.3f}|{3.14159:<10.3f}|{3.14159:^10.3f}|{-3.14159:=10.3f}|{3.14159:0=10.3f}")
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
