def main(argv: list[str]) -> int:
    xs = [3, 1, 2]
    xs.append(4)
    xs.extend([5, 6])
    xs.insert(0, 0)
    print(xs.pop(), xs.index(2), 2 in xs, xs + [7], xs[1:3], sorted(xs))
    xs.sort()
    xs.reverse()
    print(xs, len(xs), min(xs), max(xs), sum(xs), xs * 2)
    ys: list[list[int]] = [[0]] * 2
    print(ys)
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(main(sys.argv))
