# The parameters CPython's builtins take by keyword, passed by keyword.


def main(argv: list[str]) -> int:
    xs = [3, 1, 2]
    print(sorted(xs, reverse=True))
    xs.sort(reverse=True)
    print(xs)
    print(sum(xs, start=10))
    print("a,b,,c".split(sep=",", maxsplit=2))
    print("a b  c".split(maxsplit=1))
    print("one\ntwo\n".splitlines(keepends=True))
    for i, x in enumerate(iterable=xs, start=1):
        print(i, x)
    print(list(enumerate(xs, start=5)))
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(main(sys.argv))
