# A Scheme interpreter: the core.  `scheme FILE.scm` runs a program (standard
# input without FILE); output goes to stdout, and an error prints
# `error: MESSAGE IRRITANT...` on stderr and exits with status 1.
#
# The modules: objects.py (the object model, exported to extension modules),
# reader.py (text to data), evaluator.py (data compiled to a tree of nodes with
# lexical addressing, and evaluated with proper tail calls), primitives.py.
# Extension modules (ext/) are loaded by `(load-extension "ext/NAME")`.
import sys

from objects import SchemeError, Space, W_Object, UNSPECIFIED
from evaluator import Compiler, Frame, execute
from reader import EndOfInput, Reader
from primitives import register_all


def run(space: Space, src: str) -> None:
    reader = Reader(space, src)
    compiler = Compiler(space)
    while True:
        try:
            datum = reader.read()
        except EndOfInput:
            return
        node, size = compiler.compile_toplevel(datum)
        vals: list[W_Object] = [UNSPECIFIED] * size
        execute(node, Frame(vals, None))


def main(argv: list[str]) -> int:
    if len(argv) > 1:
        try:
            with open(argv[1]) as f:
                src = f.read()
        except OSError as e:
            print("error: cannot read " + argv[1] + ": " + str(e), file=sys.stderr)
            return 1
    else:
        src = sys.stdin.read()
    space = Space()
    register_all(space)
    try:
        run(space, src)
    except SchemeError as e:
        sys.stdout.flush()
        print("error: " + e.describe(), file=sys.stderr)
        return 1
    except RecursionError:
        sys.stdout.flush()
        print("error: stack overflow", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(main(sys.argv))
