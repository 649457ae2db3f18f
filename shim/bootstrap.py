"""Run a Seam core program untranslated on CPython: ``python3 bootstrap.py ENTRY.py ARGS...``.

The entry module is imported under its file stem, never as ``__main__``, so
that ``from main import X`` in another module of the program (or an extension)
sees the one and only copy of it, exactly as in a translated program.  Then
``main([ENTRY.py, *ARGS])`` runs and its return value is the exit status; an
uncaught exception prints CPython's traceback and exits with status 1.
"""

from __future__ import annotations

import importlib
import os
import sys


def run(argv: list[str]) -> int:
    if len(argv) < 2:
        sys.stderr.write("usage: bootstrap.py ENTRY.py [ARGS...]\n")
        return 2
    entry = argv[1]
    if not os.path.isfile(entry):
        sys.stderr.write(f"bootstrap.py: no such file: {entry}\n")
        return 2
    shim_dir = os.path.dirname(os.path.abspath(__file__))
    entry_dir = os.path.dirname(os.path.abspath(entry))
    stem = os.path.splitext(os.path.basename(entry))[0]
    # The shim comes first so that a program cannot shadow ``seam``, then the
    # program's own modules, then everything else; the bootstrap's directory
    # is already sys.path[0] when run as a script, so drop duplicates first.
    for d in (shim_dir, entry_dir):
        while d in sys.path:
            sys.path.remove(d)
    sys.path[:0] = [shim_dir, entry_dir]
    # Running the corpus must not litter the source tree with __pycache__.
    sys.dont_write_bytecode = True
    # A translated program writes UTF-8 whatever the locale; so does this.
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(encoding="utf-8")
    import seam

    seam._program_dir[:] = [entry_dir]
    program_argv = [entry, *argv[2:]]
    sys.argv = list(program_argv)
    module = importlib.import_module(stem)
    status = module.main(program_argv)
    return int(status) if status is not None else 0


if __name__ == "__main__":
    # Exceptions from the program propagate: CPython prints the traceback
    # and exits with status 1, as a translated program does.
    sys.exit(run(sys.argv))
