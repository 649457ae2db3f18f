# Grows a list of ints until MemoryError, catches it, drops the list and
# goes on allocating (run under a memory limit by cli/tests/memory.rs).


def grow(xs: list[int]) -> None:
    i = 0
    while True:
        xs.append(i)
        i += 1


def main(argv: list[str]) -> int:
    xs: list[int] = []
    try:
        grow(xs)
    except MemoryError as e:
        print("list: MemoryError", repr(str(e)), len(xs) > 1000)
    xs = []
    ys = [i * 2 for i in range(100000)]
    print("after:", len(ys), sum(ys))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
