# Checked int arithmetic: every operator at the edges of the 64-bit range.
# Translated, a result that does not fit raises OverflowError; CPython
# computes the exact big integer, which `show` reports as "overflow", so
# both print the same lines.

MIN = -9223372036854775808
MAX = 9223372036854775807


def show(label: str, r: int) -> None:
    if r < MIN or r > MAX:
        print(label, "overflow")
    else:
        print(label, r)


def add(a: int, b: int) -> None:
    try:
        r = a + b
    except OverflowError:
        print("add", "overflow")
        return
    show("add", r)


def sub(a: int, b: int) -> None:
    try:
        r = a - b
    except OverflowError:
        print("sub", "overflow")
        return
    show("sub", r)


def mul(a: int, b: int) -> None:
    try:
        r = a * b
    except OverflowError:
        print("mul", "overflow")
        return
    show("mul", r)


def power(a: int, b: int) -> None:
    try:
        r = a ** b
    except OverflowError:
        print("pow", "overflow")
        return
    show("pow", r)


def lshift(a: int, b: int) -> None:
    try:
        r = a << b
    except OverflowError:
        print("lshift", "overflow")
        return
    show("lshift", r)


def neg(a: int) -> None:
    try:
        r = -a
    except OverflowError:
        print("neg", "overflow")
        return
    show("neg", r)


def absolute(a: int) -> None:
    try:
        r = abs(a)
    except OverflowError:
        print("abs", "overflow")
        return
    show("abs", r)


def floordiv(a: int, b: int) -> None:
    try:
        r = a // b
    except OverflowError:
        print("floordiv", "overflow")
    else:
        show("floordiv", r)
    show("mod", a % b)


def divmod_of(a: int, b: int) -> None:
    try:
        q, m = divmod(a, b)
    except OverflowError:
        print("divmod", "overflow")
        return
    if q < MIN or q > MAX:
        print("divmod", "overflow")
    else:
        print("divmod", q, m)


def augmented(a: int) -> None:
    x = a
    try:
        x += 1
        x *= 2
        x -= 3
    except OverflowError:
        print("augmented", "overflow")
        return
    show("augmented", x)


def from_float(f: float) -> None:
    try:
        r = int(f)
    except OverflowError:
        print("int(float)", "overflow")
        return
    show("int(float)", r)


def from_str(s: str) -> None:
    try:
        r = int(s)
    except OverflowError:
        print("int(str)", "overflow")
        return
    show("int(str)", r)


def rounded(f: float) -> None:
    try:
        r = round(f)
    except OverflowError:
        print("round", "overflow")
        return
    show("round", r)


def rounded_digits(a: int, n: int) -> None:
    try:
        r = round(a, n)
    except OverflowError:
        print("round digits", "overflow")
        return
    show("round digits", r)


def pow_builtin(a: int, b: int) -> None:
    try:
        r = pow(a, b)
    except OverflowError:
        print("pow()", "overflow")
        return
    show("pow()", r)


def summed(xs: list[int]) -> None:
    try:
        r = sum(xs)
    except OverflowError:
        print("sum", "overflow")
        return
    show("sum", r)


def main(argv: list[str]) -> int:
    add(MAX, 0)
    add(MAX, 1)
    add(MIN, -1)
    add(MAX - 5, 5)
    sub(MIN, 0)
    sub(MIN, 1)
    sub(0, MIN)
    sub(-1, MAX)
    mul(MIN, 1)
    mul(MIN, -1)
    mul(3037000499, 3037000499)
    mul(3037000500, 3037000500)
    mul(-4611686018427387904, 2)
    mul(4611686018427387904, 2)
    power(2, 62)
    power(2, 63)
    power(-2, 63)
    power(-2, 64)
    power(3, 39)
    power(3, 40)
    power(10, 18)
    power(10, 19)
    power(1, 1000000)
    power(-1, 1000001)
    power(0, 1000000)
    lshift(1, 62)
    lshift(1, 63)
    lshift(-1, 63)
    lshift(3, 62)
    lshift(0, 200)
    lshift(5, 200)
    neg(MAX)
    neg(MIN)
    absolute(MIN + 1)
    absolute(MIN)
    floordiv(MIN, 1)
    floordiv(MIN, -1)
    floordiv(MIN, 2)
    divmod_of(MIN, -1)
    divmod_of(MIN, 3)
    augmented(MAX // 2 - 1)
    augmented(MAX // 2 + 5)
    augmented(MAX)
    from_float(9.2e18)
    from_float(1e19)
    from_float(-9.223372036854775808e18)
    from_float(-1e19)
    from_str("9223372036854775807")
    from_str("9223372036854775808")
    from_str("-9223372036854775808")
    from_str("-9223372036854775809")
    rounded(9.2e18)
    rounded(1e19)
    rounded_digits(MAX, -1)
    rounded_digits(MAX - 10, -1)
    rounded_digits(MIN, -18)
    rounded_digits(MIN, -19)
    pow_builtin(7, 22)
    pow_builtin(7, 23)
    summed([MAX - 3, 2])
    summed([MAX - 3, 2, 5])
    summed([MIN, -1])
    # Ranges ending near the ends of the range stop where CPython's do.
    print([i for i in range(MAX - 10, MAX, 4)], [i for i in range(MIN + 10, MIN, -4)])
    for i in range(MAX - 5, MAX, 3):
        print("range", i)
    for i in reversed(range(MAX - 10, MAX, 4)):
        print("reversed", i)
    # A loop that overflows partway: the last value that fits, then the error.
    x = 1
    i = 1
    try:
        while True:
            x = x * i
            if x > MAX:
                raise OverflowError("too big")
            i += 1
    except OverflowError:
        print("factorial overflows at", i, "after", x if x <= MAX else x // i)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
