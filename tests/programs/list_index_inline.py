# l[i] and l[i] = v are translated inline (a length compare, a load or store);
# out of range, negative, and at the ends of the int range they raise
# IndexError with CPython's messages.

def main(argv: list[str]) -> int:
    xs = [1, 2, 3]
    fs = [1.5, 2.5]
    ss = ["a", "b"]
    print(xs[0], xs[-1], xs[2], fs[-2], ss[1])
    xs[-1] = 30
    fs[0] = 0.25
    ss[-2] = "z"
    print(xs, fs, ss)
    for i in [3, -4, 9223372036854775807, -9223372036854775808]:
        try:
            print(xs[i])
        except IndexError as e:
            print("IndexError", e)
        try:
            xs[i] = 1
        except IndexError as e:
            print("IndexError", e)
    empty: list[int] = []
    try:
        print(empty[0])
    except IndexError as ex:
        print(ex)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
