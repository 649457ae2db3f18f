# A list compared with itself, and containers holding one list twice: the
# runtime reads both sides of a comparison from the same storage.


def show(label: str, value: bool) -> None:
    print(label, value)


def compare_ints(x: list[int]) -> None:
    show("x == x", x == x)
    show("x != x", x != x)
    show("x < x", x < x)
    show("x <= x", x <= x)
    show("x > x", x > x)
    show("x >= x", x >= x)


def compare_nested(outer: list[list[int]]) -> None:
    a = outer[0]
    show("outer == outer", outer == outer)
    show("outer < outer", outer < outer)
    show("outer <= outer", outer <= outer)
    show("outer[0] < outer[1]", outer[0] < outer[1])
    show("outer[0] >= outer[1]", outer[0] >= outer[1])
    show("a in outer", a in outer)
    print("index", outer.index(a), "count", outer.count(a))
    print("min", min(outer), "max", max(outer))


def main(argv: list[str]) -> int:
    empty: list[int] = []
    compare_ints(empty)
    compare_ints([1, 2, 3])
    words = ["b", "a", "b"]
    show("words == words", words == words)
    show("words < words", words < words)
    show("words >= words", words >= words)
    floats = [1.5, -0.0, 2.25]
    show("floats <= floats", floats <= floats)
    show("floats > floats", floats > floats)

    shared = [3, 1, 2]
    outer = [shared, shared]
    compare_nested(outer)
    shared.append(0)
    compare_nested(outer)
    print(outer)

    pair = (shared, shared)
    show("pair == pair", pair == pair)
    show("pair < pair", pair < pair)
    show("pair <= pair", pair <= pair)
    show("pair[0] == pair[1]", pair[0] == pair[1])
    other = (shared, [3, 1, 2, 0])
    show("pair == other", pair == other)
    show("pair >= other", pair >= other)
    print(pair)

    table = {"a": shared, "b": shared}
    copy = {"a": shared, "b": [3, 1, 2, 0]}
    show("table == table", table == table)
    show("table == copy", table == copy)
    show("table != copy", table != copy)
    shared.pop()
    show("after pop: table == copy", table == copy)
    print(table)
    deep = {"k": [shared, shared]}
    show("deep == deep", deep == deep)
    print(deep)
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(main(sys.argv))
