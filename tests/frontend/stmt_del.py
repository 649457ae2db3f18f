def main(argv: list[str]) -> int:
    xs = [1, 2, 3, 4]
    del xs[0]
    d: dict[str, int] = {"a": 1, "b": 2}
    del d["a"]
    print(xs, d)
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(main(sys.argv))
