# Requests past what any machine can give raise MemoryError, as in CPython
# (or OverflowError where CPython gives one: a str repetition past the
# largest size); the program catches them and goes on allocating.

BIG = 9223372036854775807  # the largest int; 2**63 - 1


def list_repeat(n: int) -> None:
    try:
        xs = [0] * n
        print("list of", len(xs))
    except MemoryError as e:
        print("[0] * n: MemoryError", repr(str(e)))


def list_pair_repeat(n: int) -> None:
    try:
        xs = [1, 2] * n
        print("list of", len(xs))
    except MemoryError:
        print("[1, 2] * n: MemoryError")


def str_repeat(s: str, n: int) -> None:
    try:
        t = s * n
        print("str of", len(t))
    except MemoryError:
        print(repr(s), "* n: MemoryError")
    except OverflowError as e:
        print(repr(s), "* n: OverflowError:", e)


def padding(n: int) -> None:
    try:
        print(len("x".ljust(n)))
    except MemoryError:
        print("ljust: MemoryError")
    try:
        print(len("x".center(n, "*")))
    except MemoryError:
        print("center: MemoryError")
    try:
        print(len("7".zfill(n)))
    except MemoryError:
        print("zfill: MemoryError")


def file_read(n: int) -> None:
    with open("tests/programs/data/io_utf8.txt") as f:
        try:
            print(len(f.read(n)))
        except MemoryError:
            print("read(n): MemoryError")


def as_exception(n: int) -> None:
    # MemoryError is an Exception.
    try:
        print(len([0.5] * n))
    except Exception as e:
        print("caught as Exception:", repr(str(e)))


def main(argv: list[str]) -> int:
    for n in [2**62, 2**60, 2**50, BIG]:
        list_repeat(n)
    for n in [2**61, 2**50]:
        list_pair_repeat(n)
    for n in [2**62, 2**50, BIG]:
        str_repeat("x", n)
    str_repeat("abcdefgh", 2**60)
    str_repeat("abcdefgh", 2**61)
    str_repeat("ab", 2**62)
    padding(2**62)
    padding(2**50)
    file_read(2**60)
    as_exception(2**55)
    # Allocation goes on as before.
    ys = [i * i for i in range(1000)]
    zs = "-".join([str(y) for y in ys[:5]])
    d = {i: str(i) for i in range(100)}
    print(sum(ys), zs, len(d), "ok" * 3)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
