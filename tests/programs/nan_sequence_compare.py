# <, <=, >, >= between tuples and lists holding NaN, as CPython decides them:
# the first pair of elements that are not equal decides, with IEEE
# comparison (false whenever a NaN is involved); equal prefixes fall back to
# the lengths. Each NaN here is a distinct float object (`fresh_nan()`):
# CPython counts the very same object twice as equal (an identity test),
# which floats without identity cannot reproduce (a sanctioned difference).


def show(name: str, a: tuple[float, int], b: tuple[float, int]) -> None:
    print(name, a < b, a <= b, a > b, a >= b, a == b, a != b)


def fresh_nan() -> float:
    return float("nan")


def main(argv: list[str]) -> int:
    show("nan/1", (fresh_nan(), 1), (1.0, 1))
    show("1/nan", (1.0, 1), (fresh_nan(), 1))
    show("nan/nan", (fresh_nan(), 1), (fresh_nan(), 2))
    show("eq", (1.0, 1), (1.0, 2))
    show("inf", (float("inf"), 0), (fresh_nan(), 0))
    xs = [1.0, fresh_nan()]
    ys = [1.0, 2.0]
    print(xs < ys, xs <= ys, xs > ys, xs >= ys)
    print([1.0] < [1.0, fresh_nan()], [fresh_nan()] < [fresh_nan(), 1.0])
    print([2.0, fresh_nan()] > [1.0])
    nested = [[fresh_nan(), 1.0], [0.5]]
    print(nested < [[fresh_nan(), 2.0]], nested > [[0.0]])
    print(max((fresh_nan(), 1), (1.0, 2)), max((1.0, 2), (fresh_nan(), 1)))
    print(min((fresh_nan(), 1), (1.0, 2)), min((1.0, 2), (fresh_nan(), 1)))
    print(max([fresh_nan(), 1.0], [1.0]), min([1.0], [fresh_nan(), 1.0]))
    print(max(fresh_nan(), 2.0, 1.0), min(2.0, fresh_nan(), 1.0))
    words = [("b", 2.0), ("a", fresh_nan()), ("a", 1.0), ("b", fresh_nan())]
    print(sorted(words))
    print(sorted(words, reverse=True))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
