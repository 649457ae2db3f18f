#!/usr/bin/env python3
"""Before and after: the same benchmarks translated by two `seam` binaries.

    python3 bench/compare.py OLD_SEAM NEW_SEAM [--runs N] [FILTER...]

Each `seam` links against the `libseam_runtime.a` beside it (or the one
`SEAM_RUNTIME_LIB` names, for both), so build the two checkouts being compared
(`cargo build --release` in each) and pass their `target/release/seam`.

Every program of `bench/programs/` and the Scheme interpreter of
`examples/scheme` (its modules built with `build-ext`) running the programs of
`bench/scheme/` are translated by both; then the two binaries run alternately,
N times, so that a slow phase of a shared machine hurts both. The table gives
the best CPU time (user + system) of each and new / old; the outputs of the
two must be identical. FILTERs pick programs by substring. Exit status 1 when
a build fails or two outputs differ.
"""

from __future__ import annotations

import argparse
import glob
import os
import resource
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SCHEME_PROGRAMS = ["fib", "tak", "primes", "vectors", "bignums"]


def cpu_run(cmd: list[str], cwd: str) -> tuple[float, bytes]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    proc = subprocess.run(cmd, cwd=cwd, capture_output=True, timeout=600)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    used = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return used, proc.stdout + b"\nstatus %d" % proc.returncode


def build(seam: str, args: list[str], cwd: str = ROOT) -> None:
    proc = subprocess.run([seam, *args], cwd=cwd, capture_output=True, text=True)
    if proc.returncode != 0:
        sys.exit(f"compare: {seam} {' '.join(args)} failed:\n{proc.stderr}")


def build_all(seam: str, out: str, only: list[str]) -> list[tuple[str, list[str], str]]:
    """Translates everything selected with `seam` into `out`; returns (name, command, cwd)."""
    cases = []
    for src in sorted(glob.glob(os.path.join(ROOT, "bench", "programs", "*.py"))):
        name = os.path.basename(src)[:-3]
        if selected(only, name):
            exe = os.path.join(out, name)
            build(seam, ["build-core", src, "-o", exe])
            cases.append((name, [exe], out))
    scheme = [p for p in SCHEME_PROGRAMS if selected(only, "scheme_" + p)]
    if scheme:
        src_dir = os.path.join(ROOT, "examples", "scheme")
        core = os.path.join(out, "scheme")
        build(seam, ["build-core", "main.py", "-o", core], cwd=src_dir)
        os.makedirs(os.path.join(out, "ext"), exist_ok=True)
        for ext in sorted(glob.glob(os.path.join(src_dir, "ext", "*.py"))):
            so = os.path.join(out, "ext", os.path.basename(ext)[:-3] + ".so")
            build(seam, ["build-ext", ext, "--exports", core + ".exports", "-o", so], cwd=src_dir)
        for p in scheme:
            program = os.path.join(ROOT, "bench", "scheme", p + ".scm")
            cases.append(("scheme_" + p, [core, program], out))
    return cases


def selected(only: list[str], name: str) -> bool:
    return not only or any(f in name for f in only)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("old")
    ap.add_argument("new")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("only", nargs="*")
    args = ap.parse_intermixed_args()
    with tempfile.TemporaryDirectory() as tmp:
        sides = {}
        for side, seam in (("old", args.old), ("new", args.new)):
            out = os.path.join(tmp, side)
            os.makedirs(out)
            sides[side] = build_all(os.path.abspath(seam), out, args.only)
        ok = True
        print("| program | old CPU (s) | new CPU (s) | new / old | output |")
        print("|---|---:|---:|---:|---|")
        for (name, old_cmd, old_cwd), (_, new_cmd, new_cwd) in zip(sides["old"], sides["new"]):
            best = {"old": float("inf"), "new": float("inf")}
            outputs = set()
            for i in range(args.runs):
                print(f"{name}: run {i + 1}/{args.runs}", file=sys.stderr)
                for side, cmd, cwd in (("old", old_cmd, old_cwd), ("new", new_cmd, new_cwd)):
                    t, output = cpu_run(cmd, cwd)
                    best[side] = min(best[side], t)
                    outputs.add(output)
            same = len(outputs) == 1
            ok &= same
            print(f"| `{name}` | {best['old']:.3f} | {best['new']:.3f} | "
                  f"{best['new'] / best['old']:.2f}× | {'identical' if same else 'DIFFERENT'} |")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
