# str.format on literal format strings: automatic and explicit numbering,
# keyword fields, conversions, specs with nested fields, escaped braces, and
# arguments evaluated once, in order, whatever order the fields use them in.

counter: list[int] = [0]


def tick(label: str) -> int:
    counter[0] += 1
    print("evaluating", label, counter[0])
    return counter[0]


def main(argv: list[str]) -> int:
    print("{} + {} = {}".format(1, 2, 1 + 2))
    print("{0} {1} {0} {1}".format("a", "b"))
    print("{name} is {age} years old, {name}!".format(name="Ada", age=36))
    print("{0!r} {0!s} {0!a} {1!r}".format("héllo", ["x", "y"]))
    print("[{:>10}] [{:<10}] [{:^10}] [{:*^10}]".format("left", "right", "mid", "star"))
    print("[{:8.3f}] [{:+,}] [{:#x}] [{:08b}] [{:.2%}] [{:e}]".format(3.14159, 1234567, 255, 5, 0.25, 12345.0))
    print("[{:{}}] [{:{}.{}f}] [{x:{w}}]".format("ab", 6, 2.0 / 3.0, 10, 4, x=7, w=5))
    print("[{0:{1}}] [{0:>{1}}] [{2:{3}{4}}]".format("q", 4, 42, "^", 9))
    print("{{}} {{{}}} {{0}} }}{{".format("in braces"))
    print("{} {}".format(tick("first"), tick("second")))
    print("{1} {0}".format(tick("second used"), tick("first used")))
    print("{other} {k}".format(k=tick("kw"), other=tick("other kw")))
    print("no fields".format())
    print("{}|{}|{}".format(None, True, (1, 2)))
    print("{:d} {:>5} {:x}".format(True, False, True))
    print("{0:>{1}}|".format("", 3))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
