# expect: a tuple[T, ...] cannot be unpacked: its length is known only at run time


def main(argv: list[str]) -> int:
    t = tuple([1, 2])
    a, b = t
    print(a, b)
    return 0
