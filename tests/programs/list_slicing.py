# List slicing with steps, negative steps and out-of-range bounds.


def main(argv: list[str]) -> int:
    xs: list[int] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]
    print(xs[2:5], xs[:3], xs[7:], xs[-3:], xs[:-3], xs[::2], xs[1::2])
    print(xs[::-1], xs[::-3], xs[8:2:-2], xs[5:2], xs[100:], xs[-100:2])
    print(xs[3:100], xs[2:-2], xs[-2:2], xs[9:0:-1], xs[:0:-1])
    c = xs[:]
    c.append(10)
    print(len(xs), len(c), c == xs, c[:-1] == xs)
    for step in [1, 2, 3, -1, -2, -4]:
        print("step", step, xs[::step], xs[1:8:step], xs[8:1:step])
    words = ["alpha", "beta", "gamma", "delta", "epsilon"]
    print(words[1:3], words[::-2], words[-2:])
    nested: list[list[int]] = [[1, 2], [3, 4], [5, 6], [7]]
    print(nested[1:], nested[::-1], nested[0][1:])
    lo = 1
    hi = 4
    print(xs[lo:hi], xs[hi:lo:-1], xs[lo * 2:], xs[:hi - 10])
    empty: list[int] = []
    print(empty[1:], empty[::-1])
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
