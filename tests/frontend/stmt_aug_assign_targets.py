class Counter:
    n: int

    def __init__(self) -> None:
        self.n = 0


def main(argv: list[str]) -> int:
    c = Counter()
    c.n += 5
    xs = [1, 2, 3]
    xs[len(argv)] *= 10
    d: dict[str, int] = {"k": 1}
    d["k"] -= 4
    s = "a"
    s += "b"
    print(c.n, xs, d, s)
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(main(sys.argv))
