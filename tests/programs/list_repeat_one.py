# [x] * n, the one-element case filled in one pass, beside the general case:
# values and references (the repeated element is the same object n times),
# zero and negative counts, n * [x], empty lists, and growth afterwards.


class Box:
    value: int

    def __init__(self, value: int) -> None:
        self.value = value


def main(argv: list[str]) -> int:
    print([7] * 5, [0] * 3, [-1] * 0, [2.5] * 2, ["ab"] * 3, [True] * 4, [None] * 2)
    empty: list[int] = []
    print(3 * [1], [1, 2] * 3, [1, 2] * -1, empty * 4)
    rows = [[0]] * 3
    rows[0].append(1)
    print(rows, rows[1] is rows[2])
    boxes = [Box(1)] * 4
    boxes[3].value = 9
    print([b.value for b in boxes])
    big = [False] * 100000
    big[99999] = True
    big.append(True)
    print(len(big), big.count(True), big[0], big[-2])
    n = -5
    print([1] * n, len([[1, 2]] * 1000))
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(main(sys.argv))
