# Seam demo: a tiny language, compiled to bytecode and run on a stack VM,
# written in Seam Python across four modules (lexer, compiler, bytecode, vm),
# and extended by a separately compiled module (mathmod.py).
#
# Programs call builtins by name: `abs`, `max` and `min` are the core's own;
# `gcd`, `pow`, `isqrt` and `fib` come from the extension, which subclasses
# the core's exported Builtin class and is loaded at run time.  From the
# repository root, build the core, then the extension against the core's
# exports file alone, and run:
#
#   cargo build --release && mkdir -p target/demo
#   target/release/seam build-core examples/demo/main.py -o target/demo/interp
#   target/release/seam build-ext examples/demo/mathmod.py \
#       --exports target/demo/interp.exports -o target/demo/mathmod.so
#   (cd target/demo && ./interp)
#
#   ./interp 'print gcd(84, 36), fib(50);'     runs your own program
#   rm mathmod.so && ./interp                  runs without the extension
#   seam py main.py  (in examples/demo)        the same, untranslated on CPython
#   seam build-core ... --static-ext examples/demo/mathmod.py
#                                              links the extension in instead

from seam import load_extension

from lexer import tokenize
from compiler import compile_program
import bytecode
import vm
from vm import LangError, Space

FACTORIALS = """
# factorials up to 12
let n = 1; let f = 1;
while n <= 12 { f = f * n; print n, f; n = n + 1; }
"""

PRIMES = """
# primes below 60, by trial division
let n = 2; let count = 0;
while n < 60 {
    let d = 2; let prime = 1;
    while d * d <= n { if n % d == 0 { prime = 0; } d = d + 1; }
    if prime { count = count + 1; print count, n; }
    n = n + 1;
}
"""

COLLATZ = """
# the longest Collatz chain starting below 3000
let best = 0; let best_start = 0; let start = 1;
while start < 3000 {
    let x = start; let steps = 0;
    while x != 1 { if x % 2 == 0 { x = x / 2; } else { x = 3 * x + 1; } steps = steps + 1; }
    if steps > best { best = steps; best_start = start; }
    start = start + 1;
}
print best_start, best;
"""

BUILTINS = """
# calls to the core's builtins
let x = -7;
print abs(x), max(x, 3), min(abs(x), 5);
"""

NUMBER_THEORY = """
# the extension's builtins: gcd, pow, isqrt and fib; the sum of the numbers
# up to 30 that are coprime with it; the squares below 50 and their roots
print gcd(1071, 462), pow(2, 40), isqrt(1000000007), fib(90);
let n = 1; let sum = 0;
while n <= 30 { if gcd(n, 30) == 1 { sum = sum + n; } n = n + 1; }
print sum;
let k = 2;
while k < 50 { let r = isqrt(k); if r * r == k { print k, r; } k = k + 1; }
"""

OOPS = """
# pow rejects a negative exponent: the extension raises the core's LangError,
# which stops this program (and only this one)
let e = 3;
while e > -2 { print pow(10, e); e = e - 1; }
print 0;
"""


def execute(space: Space, title: str, src: str, show_code: bool) -> int:
    """Compiles and runs one program; returns 0, or 1 when it did not compile
    or stopped with a runtime error."""
    print("==", title)
    chunk = bytecode.Chunk()
    errors: list[str] = []
    compile_program(tokenize(src), chunk, errors)
    if len(errors) > 0:
        for e in errors:
            print("    error:", e)
        return 1
    if show_code:
        for line in bytecode.disassemble(chunk):
            print("  ", line)
        print("   --")
    try:
        steps = vm.run(chunk, space)
    except LangError as e:
        print("    runtime error:", e)
        return 1
    print("   ", len(chunk.code), "words of bytecode,", steps, "instructions executed")
    return 0


def make_space() -> Space:
    """The core's builtins, plus the extension's when it can be loaded."""
    space = Space()
    for b in vm.core_builtins():
        space.register(b)
    try:
        load_extension("mathmod", space)
    except ImportError as e:
        print("note: extension module 'mathmod' not loaded (" + str(e) + "); continuing without it")
    print("builtins:", ", ".join(list(space.builtins.keys())))
    return space


def main(argv: list[str]) -> int:
    space = make_space()
    if len(argv) > 1:
        return execute(space, "your program", " ".join(argv[1:]), True)
    status = 0
    status += execute(space, "factorials", FACTORIALS, True)
    status += execute(space, "primes", PRIMES, False)
    status += execute(space, "collatz", COLLATZ, False)
    status += execute(space, "builtins", BUILTINS, True)
    status += execute(space, "number theory (from the mathmod extension)", NUMBER_THEORY, False)
    execute(space, "a runtime error (on purpose)", OOPS, False)
    return 1 if status > 0 else 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
