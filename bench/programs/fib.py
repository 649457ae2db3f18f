# Call-heavy: naive recursive Fibonacci (function calls, small-integer arithmetic).


def fib(n: int) -> int:
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def main(argv: list[str]) -> int:
    n = 32
    if len(argv) > 1:
        n = int(argv[1])
    print("fib(" + str(n) + ") =", fib(n))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
