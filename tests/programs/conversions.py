# str(), repr(), int(), float() and bool() conversions.


def main(argv: list[str]) -> int:
    print(str(42), str(-7), str(0), str(3.5), str(True), str(False))
    print(repr(42), repr(-7), repr(2.0), repr("x"))
    print(int("42"), int("-17"), int("+5"), int("007"), int("0"), int("-0"))
    print(int(" 42 "), int("\t-3\n"))
    print(int(3.99), int(-3.99), int(0.5), int(-0.5), int(1e10))
    print(int(True), int(False))
    print(float("1.5"), float("-0.25"), float("1e3"), float("2"), float(".5"), float("5."))
    print(float("  2.5  "), float("-0"), float("1E-3"), float("inf"), float("-inf"))
    print(float(7), float(-3), float(0))
    print(bool(0), bool(1), bool(-1), bool(0.0), bool(0.1))
    print(bool(""), bool("a"), bool(" "))
    empty: list[int] = []
    print(bool(empty), bool([0]))
    no_keys: dict[str, int] = {}
    print(bool(no_keys), bool({"a": 1}))
    n = int("12") + int(str(30))
    print(n, str(n) + "!", len(str(n * 1000)))
    s = str(1.25) + str(3) + str(False)
    print(s, len(s))
    print(int(float("12.75")), float(int("12")))
    print(str(-0.0), str(1e16), str(1e-7))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
