"""C functions over every parameter and result type (`glue.c` beside this file)."""

import seam
from seam import CPointer, c_function

seam.c_library(sources=["glue.c"])


@c_function
def ct_add(a: int, b: int) -> int:
    raise NotImplementedError


@c_function
def ct_min_int() -> int:
    raise NotImplementedError


@c_function
def ct_scale(x: float, by: float) -> float:
    raise NotImplementedError


@c_function
def ct_both(a: bool, b: bool) -> bool:
    raise NotImplementedError


@c_function
def ct_is_odd(n: int) -> bool:
    raise NotImplementedError


@c_function
def ct_bytes(s: str) -> int:
    raise NotImplementedError


@c_function
def ct_shout(s: str) -> str:
    raise NotImplementedError


@c_function
def ct_null_text() -> str:
    raise NotImplementedError


@c_function
def ct_bad_utf8() -> str:
    raise NotImplementedError


@c_function
def ct_greek() -> str:
    """Non-ASCII text from C."""
    raise NotImplementedError


@c_function
def ct_counter_new(start: int) -> CPointer:
    raise NotImplementedError


@c_function
def ct_counter_add(p: CPointer, n: int) -> None: ...


@c_function
def ct_counter_total(p: CPointer) -> int:
    raise NotImplementedError


@c_function
def ct_counter_calls(p: CPointer) -> int:
    raise NotImplementedError


@c_function
def ct_counter_free(p: CPointer) -> None: ...


@c_function
def ct_null() -> CPointer:
    raise NotImplementedError


@c_function
def ct_is_null(p: CPointer) -> bool:
    raise NotImplementedError


@c_function
def ct_bytes_plus(s: str, n: int) -> int:
    raise NotImplementedError


def noisy(n: int) -> int:
    print("evaluated", n)
    return n


@c_function(symbol="ct_add")
def add_again(a: int, b: int) -> int:
    raise NotImplementedError


class Holder:
    p: CPointer

    def __init__(self, p: CPointer) -> None:
        self.p = p


def main(argv: list[str]) -> int:
    print(ct_add(40, 2), ct_add(-9223372036854775807, -1), ct_min_int())
    print(ct_scale(1.5, 4.0), ct_scale(-0.0, 1.0), ct_scale(1e308, 10.0))
    print(ct_both(True, True), ct_both(True, False), ct_is_odd(7), ct_is_odd(8))
    print(ct_bytes(""), ct_bytes("abc"), ct_bytes("héllo"), ct_bytes("日本語"), ct_bytes("😀"))
    print(ct_shout("hello, wörld"), ct_shout(""), repr(ct_greek()))
    words = ["x" * n for n in range(5)]
    print([ct_shout(w + "y") for w in words])
    try:
        ct_bytes("a\0b")
    except ValueError as e:
        print("ValueError:", e)
    try:
        print(ct_null_text())
    except ValueError as e:
        print("ValueError:", e)
    try:
        print(ct_bad_utf8())
    except UnicodeDecodeError as e:
        print("UnicodeDecodeError:", e)
    c = ct_counter_new(100)
    h = Holder(c)
    for i in range(10):
        ct_counter_add(h.p, i)
    print(ct_counter_total(c), ct_counter_calls(c), ct_is_null(c))
    ct_counter_free(c)
    print(ct_is_null(ct_null()), ct_null() == CPointer(0), add_again(1, 2))
    f = ct_shout
    print(f("via a function value"))
    # Every argument is evaluated before any is converted for C.
    print(ct_bytes_plus("abc", noisy(1)))
    try:
        print(ct_bytes_plus("a\0", noisy(5)))
    except ValueError as e:
        print("ValueError:", e)
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(main(sys.argv))
