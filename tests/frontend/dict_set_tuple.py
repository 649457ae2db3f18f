def main(argv: list[str]) -> int:
    d: dict[str, int] = {}
    d["a"] = 1
    print(d.get("a"), d.get("b", 0), "a" in d, len(d), list(d.keys()))
    s = {1, 2, 3}
    s.add(4)
    print(s | {5}, s & {1, 9}, 3 in s, len(s))
    t = (1, "two", 3.0)
    print(t[0], t[1], t, t < (2, "", 0.0))
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(main(sys.argv))
