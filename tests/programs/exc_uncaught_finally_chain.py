# An exception escaping main through several frames: every frame's finally block runs
# (printing to stdout) before the traceback; the status is 1.


def level(n: int) -> int:
    try:
        if n == 0:
            raise ZeroDivisionError("bottom reached")
        return level(n - 1) + 1
    finally:
        print("unwinding", n)


def main(argv: list[str]) -> int:
    try:
        print(level(4))
    finally:
        print("main finally")
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
