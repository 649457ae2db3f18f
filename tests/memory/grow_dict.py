# Fills a dict until MemoryError, catches it, drops the dict and goes on
# allocating (run under a memory limit by cli/tests/memory.rs).


def fill(d: dict[int, int]) -> None:
    i = 0
    while True:
        d[i] = -i
        i += 1


def main(argv: list[str]) -> int:
    d: dict[int, int] = {}
    try:
        fill(d)
    except MemoryError as e:
        print("dict: MemoryError", repr(str(e)), len(d) > 1000)
    d = {}
    squares = {i: i * i for i in range(50000)}
    print("after:", len(squares), squares[49999])
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
