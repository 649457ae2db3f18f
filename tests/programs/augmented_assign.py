# Augmented assignment on locals, list elements, dict values and globals.

g: int = 1


def main(argv: list[str]) -> int:
    global g
    n = 10
    n += 5
    n -= 3
    n *= 4
    n //= 5
    n %= 7
    n **= 3
    n <<= 2
    n >>= 1
    n &= 0xFF
    n |= 0x100
    n ^= 0x3
    print("n", n)
    neg = -7
    neg //= 2
    print("neg", neg)
    neg %= 3
    print("neg", neg)
    xs = [1, 2, 3]
    xs[0] += 10
    xs[-1] *= 3
    xs[1] -= 5
    print(xs)
    d: dict[str, int] = {"a": 1}
    d["a"] += 41
    d["b"] = 0
    d["b"] -= 1
    print(d)
    grid: list[list[int]] = [[0, 0], [0, 0]]
    grid[1][0] += 7
    print(grid)
    s = "ab"
    s += "cd"
    s *= 2
    print(s)
    lst: list[str] = ["x"]
    lst += ["y"]
    lst *= 2
    print(lst)
    f = 1.0
    f += 2
    f /= 4
    f -= 0.25
    print(f)
    g += 1
    g *= 5
    print("g", g)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
