# A RuntimeError raised deep in a recursion escapes main.


def countdown(n: int) -> int:
    if n == 0:
        raise RuntimeError("reached zero")
    print("n =", n)
    return countdown(n - 1)


def main(argv: list[str]) -> int:
    countdown(3)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
