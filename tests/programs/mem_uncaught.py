# An uncaught MemoryError ends the program like any exception: finally
# blocks run, the output printed so far is kept, the traceback's last line
# is the bare class name (CPython's MemoryError has no message), status 1.


def build(n: int) -> list[int]:
    try:
        return [7] * n
    finally:
        print("finally runs")


def main(argv: list[str]) -> int:
    print("before")
    xs = build(2**60)
    print("unreachable", len(xs))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
