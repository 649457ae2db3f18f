# Unbounded recursion: CPython stops at its recursion limit, a translated
# program when the native stack runs out; both end with RecursionError and
# status 1, and the output printed before the recursion is not lost.


def depth(n: int) -> int:
    return depth(n + 1) + 1


def main(argv: list[str]) -> int:
    total = 0
    for i in range(5):
        total += i
        print("step", i, total)
    print("recursing")
    print(depth(0))
    print("unreachable")
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
