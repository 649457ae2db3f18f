# Seam demo: a tiny language, compiled to bytecode and run on a stack VM,
# written in Seam Python across four modules (lexer, compiler, bytecode, vm).
#
#   seam build-core examples/demo/main.py -o /tmp/seam-demo && /tmp/seam-demo
#   /tmp/seam-demo 'let x = 6; print x * 7;'      runs your own program
#   seam py examples/demo/main.py                 the same, untranslated on CPython

from lexer import tokenize
from compiler import compile_program
import bytecode
import vm

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


def execute(title: str, src: str, show_code: bool) -> int:
    """Compiles and runs one program; returns 0, or 1 when it did not compile."""
    print("==", title)
    code: list[int] = []
    consts: list[int] = []
    names: list[str] = []
    errors: list[str] = []
    compile_program(tokenize(src), code, consts, names, errors)
    if len(errors) > 0:
        for e in errors:
            print("    error:", e)
        return 1
    if show_code:
        for line in bytecode.disassemble(code, consts, names):
            print("  ", line)
        print("   --")
    steps = vm.run(code, consts, len(names))
    print("   ", len(code), "words of bytecode,", steps, "instructions executed")
    return 0


def main(argv: list[str]) -> int:
    if len(argv) > 1:
        return execute("your program", " ".join(argv[1:]), True)
    status = 0
    status += execute("factorials", FACTORIALS, True)
    status += execute("primes", PRIMES, False)
    status += execute("collatz", COLLATZ, False)
    return 1 if status > 0 else 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
