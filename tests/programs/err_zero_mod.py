# % by zero raises ZeroDivisionError with CPython's message.


def main(argv: list[str]) -> int:
    total = 0
    for i in range(5, -1, -1):
        total += 100 % i
        print("i", i, "total", total)
    print("not reached")
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
