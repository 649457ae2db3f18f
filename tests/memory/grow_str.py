# Doubles a string until MemoryError, then appends pieces of a list of big
# strings until MemoryError; catches both, drops them and goes on
# allocating (run under a memory limit by cli/tests/memory.rs).


def double(s: str) -> str:
    while True:
        s = s + s


def pieces(parts: list[str]) -> None:
    while True:
        parts.append("y" * 100000)


def main(argv: list[str]) -> int:
    s = "x"
    try:
        s = double(s)
    except MemoryError:
        print("str +: MemoryError", len(s))
    parts: list[str] = []
    try:
        pieces(parts)
    except MemoryError:
        print("str *: MemoryError", len(parts) > 10)
    parts = []
    t = "-".join([str(i) for i in range(10000)])
    print("after:", len(t), t[-9:])
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
