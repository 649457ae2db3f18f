def main(argv: list[str]) -> int:
    xs = [3, 1, 4, 1, 5]
    print(sum(x * x for x in xs), any(x > 4 for x in xs), all(x > 0 for x in xs))
    print(max(x for x in xs), ",".join(str(x) for x in xs), sorted(-x for x in xs))
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(main(sys.argv))
