# Functions calling each other: mutual recursion and calls to functions defined later.


def is_even(n: int) -> bool:
    if n == 0:
        return True
    return is_odd(n - 1)


def is_odd(n: int) -> bool:
    if n == 0:
        return False
    return is_even(n - 1)


def apply_twice(x: int) -> int:
    return step(step(x))


def step(x: int) -> int:
    return helper_mul(x, 3) + 1


def helper_mul(a: int, b: int) -> int:
    return a * b


def collatz_len(n: int) -> int:
    if n == 1:
        return 1
    if is_even(n % 10):
        return 1 + collatz_len(n // 2) if n % 2 == 0 else 1 + collatz_len(3 * n + 1)
    return 1 + collatz_len(n // 2) if n % 2 == 0 else 1 + collatz_len(3 * n + 1)


def log(msg: str) -> None:
    print("log:", msg)


def process(items: list[int]) -> int:
    log("processing " + str(len(items)) + " items")
    total = 0
    for item in items:
        total += apply_twice(item)
    log("done")
    return total


def main(argv: list[str]) -> int:
    for n in [0, 1, 2, 7, 10, 25]:
        print(n, is_even(n), is_odd(n))
    print(apply_twice(1), apply_twice(-2))
    print(collatz_len(27), collatz_len(1), collatz_len(6))
    print(process([1, 2, 3]))
    print(step(helper_mul(2, step(0))))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
