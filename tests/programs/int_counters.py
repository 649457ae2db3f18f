# Locals that only hold small literals and step by one (loop counters) are
# translated without overflow checks; everything else near the limits of a
# 64-bit int still raises OverflowError exactly where CPython would need a
# big integer (which this program reports as "overflow" too, so both print
# the same lines).

MAX = 9223372036854775807


def report(r: int) -> None:
    print("overflow" if r > MAX else str(r))


def count_up(n: int) -> int:
    i = 0
    total = 0
    while i < n:
        total += i
        i += 1
    j = 10
    while j > 0:
        j -= 1
        j = j - 1
    k = -5
    k = 1 + k
    k = k + -1
    return total + i + j + k


def param_steps(i: int) -> int:
    # A parameter starts anywhere: its steps stay checked.
    i += 1
    return i


def big_start() -> int:
    # A literal beyond 2**32 makes the local no counter.
    i = 9223372036854775806
    i += 1
    i += 1
    return i


def copied(n: int) -> int:
    # Assigned from another local: no counter.
    i = 0
    i = n
    i += 1
    return i


def offsets() -> int:
    # A counter plus a literal of up to 2**32, elsewhere than its own step.
    i = 0
    while i < 3:
        i += 1
    return (i + 4294967296) - (i - 4294967296)


def main(argv: list[str]) -> int:
    print(count_up(1000))
    print(offsets())
    print(param_steps(41))
    try:
        report(big_start())
    except OverflowError:
        print("overflow")
    try:
        report(param_steps(MAX))
    except OverflowError:
        print("overflow")
    try:
        report(copied(MAX))
    except OverflowError:
        print("overflow")
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
