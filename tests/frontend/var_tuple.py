def total(t: tuple[int, ...]) -> int:
    s = 0
    for x in t:
        s += x
    return s


def main(argv: list[str]) -> int:
    t: tuple[int, ...] = (1, 2, 3)
    u = tuple([4, 5])
    print(total(t), total(u), len(t), t[1:], t + u)
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(main(sys.argv))
