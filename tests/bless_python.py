"""Regenerate the expected output of tests/programs from CPython.

Usage (from the repository root): python3 tests/bless_python.py [NAME...]

For each program (``programs/NAME.py`` or ``programs/NAME/main.py``) this runs
``python3 shim/bootstrap.py ENTRY [ARGS...]`` exactly as the Rust harness
(cli/tests/corpus.rs) does under ``SEAM_BLESS=1`` and writes ``NAME.stdout``,
``NAME.status`` and, when the status is 1, ``NAME.stderr_last``.  Arguments
come from ``NAME.args``, one per line, if that file exists (a line ``$TMPDIR``
is a fresh empty directory), standard input from ``NAME.stdin``.  A program with
``NAME.stress_args`` (smaller arguments for the ``SEAM_GC_STRESS=1`` run) also
gets ``NAME.stress_stdout``, ``NAME.stress_status`` and ``NAME.stress_stderr_last``
from a run with those arguments.  It is a
convenience for working on the corpus without building ``seam``; the Rust
harness stays the reference.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PROGRAMS = os.path.join("tests", "programs")
BOOTSTRAP = os.path.join("shim", "bootstrap.py")


def discover() -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    for entry in sorted(os.listdir(os.path.join(ROOT, PROGRAMS))):
        path = os.path.join(PROGRAMS, entry)
        if entry.endswith(".py") and os.path.isfile(os.path.join(ROOT, path)):
            found.append((entry[:-3], path))
        elif os.path.isfile(os.path.join(ROOT, path, "main.py")):
            found.append((entry, os.path.join(path, "main.py")))
    return found


def read_args(name: str, prefix: str = "") -> list[str]:
    path = os.path.join(ROOT, PROGRAMS, f"{name}.{prefix}args")
    if not os.path.exists(path):
        return []
    with open(path, encoding="utf-8") as f:
        text = f.read()
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return lines


def last_line(text: bytes) -> bytes:
    for line in reversed(text.split(b"\n")):
        if line.strip():
            return line.rstrip(b"\r")
    return b""


def bless(name: str, entry: str, prefix: str = "") -> int:
    """Runs the program with its ``NAME.{prefix}args`` and records ``NAME.{prefix}stdout``..."""
    env = dict(os.environ)
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    env["PYTHONIOENCODING"] = "utf-8"
    python = os.environ.get("SEAM_PYTHON", sys.executable)
    stdin_path = os.path.join(ROOT, PROGRAMS, f"{name}.stdin")
    stdin = b""
    if os.path.exists(stdin_path):
        with open(stdin_path, "rb") as f:
            stdin = f.read()
    # A `$TMPDIR` argument is a fresh empty directory, as in the Rust harness.
    with tempfile.TemporaryDirectory() as tmp:
        args = [tmp if a == "$TMPDIR" else a for a in read_args(name, prefix)]
        proc = subprocess.run(
            [python, BOOTSTRAP, entry, *args],
            cwd=ROOT,
            env=env,
            input=stdin,
            capture_output=True,
            timeout=60,
        )
    base = os.path.join(ROOT, PROGRAMS, f"{name}.{prefix}")
    with open(base + "stdout", "wb") as f:
        f.write(proc.stdout)
    with open(base + "status", "w") as f:
        f.write(f"{proc.returncode}\n")
    if proc.returncode == 1:
        with open(base + "stderr_last", "wb") as f:
            f.write(last_line(proc.stderr) + b"\n")
    elif os.path.exists(base + "stderr_last"):
        os.remove(base + "stderr_last")
    return proc.returncode


def main(argv: list[str]) -> int:
    wanted = set(argv[1:])
    count = 0
    for name, entry in discover():
        if wanted and name not in wanted:
            continue
        status = bless(name, entry)
        print(f"{name}: status {status}")
        if os.path.exists(os.path.join(ROOT, PROGRAMS, name + ".stress_args")):
            status = bless(name, entry, "stress_")
            print(f"{name} (stress arguments): status {status}")
        count += 1
    print(f"blessed {count} programs")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
