# Builtin errors raised by operations, caught, with CPython's messages.


def div(a: int, b: int) -> int:
    return a // b


def main(argv: list[str]) -> int:
    xs = [1, 2, 3]
    s = "abc"
    d: dict[str, int] = {"one": 1}
    di: dict[int, str] = {1: "one"}
    try:
        print(div(7, 0))
    except ZeroDivisionError as e:
        print("1:", str(e))
    try:
        print(7 % 0)
    except ZeroDivisionError as e:
        print("2:", str(e))
    try:
        print(7 / 0)
    except ZeroDivisionError as e:
        print("3:", str(e))
    try:
        print(7.5 / 0.0)
    except ZeroDivisionError as e:
        print("4:", str(e))
    try:
        print(xs[3])
    except IndexError as e:
        print("5:", str(e))
    try:
        print(xs[-4])
    except IndexError as e:
        print("6:", str(e))
    try:
        xs[10] = 5
    except IndexError as e:
        print("7:", str(e))
    try:
        print(s[3])
    except IndexError as e:
        print("8:", str(e))
    try:
        print(d["two"])
    except KeyError as e:
        print("9:", str(e))
    try:
        print(di[2])
    except KeyError as e:
        print("10:", str(e))
    try:
        print(int("12x"))
    except ValueError as e:
        print("11:", str(e))
    try:
        print(int(""))
    except ValueError as e:
        print("12:", str(e))
    try:
        print(float("abc"))
    except ValueError as e:
        print("13:", str(e))
    try:
        empty: list[int] = []
        empty.pop()
    except IndexError as e:
        print("14:", str(e))
    try:
        del d["missing"]
    except KeyError as e:
        print("15:", str(e))
    try:
        xs.index(42)
    except ValueError as e:
        print("16:", str(e))
    try:
        assert len(xs) == 0, "xs is not empty"
    except AssertionError as e:
        print("17:", str(e))
    try:
        print(10.0 // 0.0)
    except ZeroDivisionError as e:
        print("18:", str(e))
    print("end", xs, d, di)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
