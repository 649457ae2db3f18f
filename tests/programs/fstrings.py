# f-strings with expressions (no format specs).


def square(n: int) -> int:
    return n * n


def main(argv: list[str]) -> int:
    name = "Seam"
    n = 7
    x = 2.5
    xs: list[int] = [1, 2, 3]
    d: dict[str, int] = {"a": 1}
    t = (1, "two")
    print(f"hello {name}")
    print(f"{n} squared is {square(n)}, plus one is {square(n) + 1}")
    print(f"{x} * 2 = {x * 2}, {n / 2}, {n // 2}, {-n % 3}")
    print(f"list {xs}, dict {d}, tuple {t}, bool {n > 3}, none {None}")
    print(f"{name.upper()} {name[1:]} {len(name)} {name * 2}")
    print(f"{'inner quotes'} {xs[0]} {xs[-1]} {d['a']}")
    print(f"braces {{literal}} and {{{n}}}")
    print(f"{n}{n}{n}", f"", f"no fields")
    print(f"nested {f'inner {n}'}")
    print(f"{n if n > 5 else 0} {'big' if n > 100 else 'small'}")
    print(f"{1 + 2}{'a' + 'b'}{[4, 5]}")
    for i in range(3):
        print(f"row {i}: {i * 10} {str(i) * i}")
    msg = f"{name}:" f"{n}"
    print(msg, len(msg))
    s = "text"
    print(f"{repr(s)} {s}")
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
