# for over lists, strings, dicts and dict items, with break/continue.


def main(argv: list[str]) -> int:
    fruits = ["apple", "banana", "cherry", "date"]
    for f in fruits:
        if f == "cherry":
            continue
        print("fruit", f)
    for ch in "héllo":
        print("char", ch)
    ages: dict[str, int] = {"ann": 31, "bob": 25, "cid": 40}
    for name in ages:
        print("name", name)
    for name2, age in ages.items():
        if age > 35:
            break
        print("age", name2, age)
    matrix: list[list[int]] = [[1, 2], [3, 4], [5, 6]]
    for row in matrix:
        for v in row:
            print(v, end=" ")
        print()
    vowels = 0
    for c in "the quick brown fox":
        if c in "aeiou":
            vowels += 1
    print("vowels", vowels)
    nums = [3, 1, 4, 1, 5, 9, 2, 6]
    seen: list[int] = []
    for n in nums:
        if n in seen:
            print("duplicate", n)
            break
        seen.append(n)
    print("seen", seen)
    growing = [1, 2, 3]
    for g in growing:
        if g < 6:
            growing.append(g + 3)
    print("growing", growing)
    pairs: list[tuple[str, int]] = [("a", 1), ("b", 2)]
    for letter, number in pairs:
        print(letter * number)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
