# A set display of more than two constants iterates as CPython's compiled
# frozenset constant does, which differs from adding the values in order where
# they collide in the table (-1 and -2 share a hash; 0, 8, 16... share slots).


def main(argv: list[str]) -> int:
    print({-1, -2, 7}, {-2, -1, 7})
    print({0, 8, 16}, {1, 9, 17, 25, 2}, {8, 16, 0, 24, 32, 40})
    print({3 - 4, -2, 7}, {2 ** 3, 16, 0, 1 << 5}, {(1, 2), (9, 2), (1, -1)})
    n = -1
    # Not all constants: built by adding the values in order, as CPython does.
    print({n, -2, 7}, {-2, n, 7})
    print(list({-1, -2, 7, 8, 16, 0} | {5}))
    xs = [c for c in {-1, -2, 7, 8, 16, 0}]
    print(xs, sorted({100, -100, 36, 4}))
    print({1, 2}, {-1, -2})
    for c in {8, 0, 16, -1, -2}:
        print(c, end=" ")
    print(-2 in {7, -2, -1}, [c for c in {-2, 7, -1}], {-1, 7, -2})
    print(sum(c * i for i, c in enumerate({24, 0, 8, 16, 32, 40})))
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(main(sys.argv))
