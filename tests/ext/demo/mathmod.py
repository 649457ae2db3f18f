# An extension module for the demo language: number-theory builtins.
#
# Compiled separately from the interpreter, against its exports file alone:
#
#   seam build-ext examples/demo/mathmod.py --exports target/demo/interp.exports \
#       -o target/demo/mathmod.so
#
# The core loads it with `load_extension("mathmod", space)`, which calls
# `init_module`.  Each builtin subclasses the core's Builtin and overrides
# `call`, which the core's VM calls virtually; errors are the core's LangError.

from vm import Builtin, Space, LangError

# The largest 64-bit integer: results beyond it are errors, not wrapped values.
INT_MAX = 9223372036854775807


class Gcd(Builtin):
    def __init__(self) -> None:
        super().__init__("gcd", 2)

    def call(self, args: list[int]) -> int:
        a = abs(args[0])
        b = abs(args[1])
        while b != 0:
            a, b = b, a % b
        return a


class Pow(Builtin):
    def __init__(self) -> None:
        super().__init__("pow", 2)

    def call(self, args: list[int]) -> int:
        base = args[0]
        exp = args[1]
        if exp < 0:
            raise LangError("pow() of " + str(base) + " with negative exponent " + str(exp))
        if base == 0 or base == 1:
            return base if exp > 0 else 1
        if base == -1:
            return 1 if exp % 2 == 0 else -1
        result = 1
        for i in range(exp):
            if abs(result) > INT_MAX // abs(base):
                raise LangError("pow(" + str(base) + ", " + str(exp) + ") overflows")
            result *= base
        return result


class Isqrt(Builtin):
    def __init__(self) -> None:
        super().__init__("isqrt", 1)

    def call(self, args: list[int]) -> int:
        n = args[0]
        if n < 0:
            raise LangError("isqrt() of negative number " + str(n))
        if n < 2:
            return n
        # Newton's iteration from above; `x + n // x` never overflows.
        x = n // 2 + 1
        y = (x + n // x) // 2
        while y < x:
            x = y
            y = (x + n // x) // 2
        return x


class Fib(Builtin):
    def __init__(self) -> None:
        super().__init__("fib", 1)

    def call(self, args: list[int]) -> int:
        n = args[0]
        if n < 0 or n > 92:
            raise LangError("fib() takes 0 to 92 (the largest that fits), not " + str(n))
        a = 0
        b = 1
        for i in range(n):
            a, b = b, a + b
        return a


def init_module(space: Space) -> None:
    space.register(Gcd())
    space.register(Pow())
    space.register(Isqrt())
    space.register(Fib())
