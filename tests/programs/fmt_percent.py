# The '%' operator on strings: conversions s r a d i u o x X e E f F g G c,
# flags, widths and precisions (also '*'), one value or a tuple, and
# CPython's errors raised at run time when the format is not a literal.


def show(fmt: str, value: int) -> str:
    try:
        return fmt % value
    except ValueError as e:
        return "ValueError: " + str(e)
    except TypeError as e:
        return "TypeError: " + str(e)
    except OverflowError as e:
        return "OverflowError: " + str(e)


def show_pair(fmt: str, pair: tuple[int, str]) -> str:
    try:
        return fmt % pair
    except ValueError as e:
        return "ValueError: " + str(e)
    except TypeError as e:
        return "TypeError: " + str(e)


def main(argv: list[str]) -> int:
    print("%s and %s" % ("this", "that"))
    print("%d%% done, %i left, %u total" % (42, 58, 100))
    print("[%5d] [%-5d] [%05d] [%+d] [% d] [%.3d] [%+.3d]" % (42, 42, 42, 42, 42, 42, -42))
    print("[%x] [%X] [%#x] [%#X] [%o] [%#o] [%#08x] [%-#8o]" % (255, 255, 255, 255, 8, 8, 255, 8))
    print("[%f] [%.2f] [%10.3f] [%-10.1f] [%+.1e] [%E] [%g] [%G] [%#g]" % (3.14159, 3.14159, 3.14159, 3.14159, 12345.678, 0.000123, 1e-10, 1e20, 1.0))
    print("[%F] [%f] [%e] [%010.2f] [%r] [%s]" % (float("inf"), float("nan"), -float("inf"), -2.5, 2.5, 1e16))
    print("[%s] [%r] [%a] [%5s] [%-5s] [%.2s] [%c] [%c] [%3c]" % ("é", "é", "é", "ab", "ab", "abc", 65, "z", 0x263A))
    print("[%*d] [%-*d] [%.*f] [%*.*f]" % (6, 1, 6, 2, 3, 3.14159, 9, 2, 2.71828))
    print("[%d] [%i] [%x]" % (3.99, -3.99, True))
    print("%s" % [1, 2])
    print("%s %s" % (None, (1,)))
    print("%s" % (("nested", 1),))
    print("one value: %s" % "x")
    print("one int: %05.1f" % 7)
    print("nothing to format" % ())
    print("100%% sure" % ())
    t = ("a", "b")
    print("%s-%s" % t)
    s = "total: "
    s += "%d and %%d" % 5
    s %= 7
    print(s)
    for fmt in ["%d", "%c", "%s %s", "%x", "[%5.2f]", "%q", "%", "no args", "%c%%"]:
        print(repr(fmt), "->", show(fmt, 1114112), "|", show(fmt, 65))
    for fmt in ["%d %s", "%s", "%s %s %s", "%x %s"]:
        print(repr(fmt), "->", show_pair(fmt, (7, "seven")))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
