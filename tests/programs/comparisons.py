# Comparison operators and chains; a chain evaluates each operand once.

evaluations: int = 0


def val(n: int) -> int:
    global evaluations
    evaluations += 1
    return n


def main(argv: list[str]) -> int:
    x = 5
    print(1 < x < 10, 1 < x > 10, 0 <= x <= 5, 5 < x <= 7)
    print(1 < 2 < 3 < 4 < 5, 1 < 2 < 2 < 4, 3 > 2 > 1 >= 1)
    print(x == 5 == x, 5 == x != 6, x - 4 != 2 != x - 4)
    print(val(1) < val(2) < val(3), evaluations)
    print(val(3) < val(2) < val(1), evaluations)
    print("a" < "b", "abc" < "abd", "ab" < "abc", "B" < "a", "" < "a")
    print("apple" > "Apple", "zeta" >= "zeta", "é" > "z", "日" > "本")
    no_ints: list[int] = []
    print([1, 2] == [1, 2], [1, 2] != [2, 1], no_ints == [1], no_ints == no_ints.copy())
    print((1, "a") == (1, "a"), (1, "a") != (1, "b"))
    print({"a": 1} == {"a": 1}, {"a": 1} == {"a": 2})
    print(3 == 3.0, 1 < 1.5 < 2, 2.5 > 2 > 1.5)
    s = "hello"
    print(s == "hel" + "lo", s != "world", s < "help")
    lo = 3
    hi = 8
    inside = 0
    for i in range(12):
        if lo <= i < hi:
            inside += 1
    print("inside", inside)
    print(evaluations)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
