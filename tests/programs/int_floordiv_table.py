# A table of floor division and modulo for every sign combination.


def main(argv: list[str]) -> int:
    values: list[int] = [-9, -7, -4, -3, -1, 0, 1, 3, 4, 7, 9]
    divisors: list[int] = [-4, -3, -2, -1, 1, 2, 3, 4]
    for a in values:
        line = ""
        for d in divisors:
            q = a // d
            r = a % d
            if q * d + r != a:
                print("identity broken for", a, d)
            line = line + f"{a}//{d}={q},{r} "
        print(line)
    checks = 0
    for a2 in range(-20, 21):
        for d2 in range(-6, 7):
            if d2 == 0:
                continue
            r2 = a2 % d2
            if d2 > 0 and (r2 < 0 or r2 >= d2):
                print("bad remainder", a2, d2, r2)
            if d2 < 0 and (r2 > 0 or r2 <= d2):
                print("bad remainder", a2, d2, r2)
            checks += 1
    print("checked", checks, "pairs")
    print(-1000000007 // 1000, -1000000007 % 1000)
    print(123456789123 // -1000000, 123456789123 % -1000000)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
