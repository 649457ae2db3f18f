# A failing bare assert raises AssertionError with no message.


def check_sorted(xs: list[int]) -> None:
    for i in range(1, len(xs)):
        assert xs[i - 1] <= xs[i]
    print("sorted:", xs)


def main(argv: list[str]) -> int:
    check_sorted([1, 2, 3])
    check_sorted([])
    check_sorted([3, 1])
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
