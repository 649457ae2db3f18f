#!/usr/bin/env python3
"""The Seam benchmarks: translation throughput, and translated programs against CPython.

Run through ``bench/run.sh``, which builds the release ``seam`` first.  Everything
is measured from outside, as wall-clock time of whole processes (start-up included),
best of N runs.  Results are printed as Markdown tables on stdout; progress goes to
stderr.  Artefacts go to ``target/bench/``.

  1. Translation throughput: ``bench/gen_big.py`` writes a ~20,000-line program;
     ``seam check`` (front end only) and ``seam build-core`` (front end, Cranelift,
     link) are timed on it, and on a one-line program to show the fixed cost
     (process start, runtime library, linker).
  2. CPU-bound programs (``bench/programs/*.py``): each is translated once, then the
     binary and ``python3`` run alternately N times; outputs and exit statuses must be
     identical, and the table gives both best times and their ratio.

Exit status: 0 when everything built and every output matched, 1 otherwise.
"""

from __future__ import annotations

import argparse
import datetime
import os
import platform
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BENCH = os.path.join(ROOT, "bench")
OUT = os.path.join(ROOT, "target", "bench")
SEAM = os.path.join(ROOT, "target", "release", "seam")
SHIM = os.path.join(ROOT, "shim")
TIMEOUT = 300


def log(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


@dataclass
class Run:
    seconds: float
    status: int
    stdout: bytes
    stderr: bytes


def run(cmd: list[str], env: dict[str, str] | None = None) -> Run:
    start = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, env=env, timeout=TIMEOUT, cwd=ROOT)
    return Run(time.perf_counter() - start, proc.returncode, proc.stdout, proc.stderr)


def must(r: Run, what: str) -> Run:
    if r.status != 0:
        raise SystemExit(
            f"bench: {what} failed with status {r.status}:\n{r.stderr.decode(errors='replace')}"
        )
    return r


def best_of(n: int, cmd: list[str], what: str) -> float:
    return min(must(run(cmd), what).seconds for _ in range(n))


def python_env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = SHIM + os.pathsep + env.get("PYTHONPATH", "")
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    return env


def count_lines(directory: str) -> int:
    total = 0
    for name in sorted(os.listdir(directory)):
        if name.endswith(".py"):
            with open(os.path.join(directory, name), encoding="utf-8") as f:
                total += sum(1 for _ in f)
    return total


def throughput(runs: int, lines_target: int) -> bool:
    big = os.path.join(OUT, "big")
    shutil.rmtree(big, ignore_errors=True)
    must(run([sys.executable, os.path.join(BENCH, "gen_big.py"), big, "--lines", str(lines_target)]),
         "gen_big.py")
    lines = count_lines(big)
    entry = os.path.join(big, "main.py")
    exe = os.path.join(OUT, "big.bin")
    tiny_dir = os.path.join(OUT, "tiny")
    os.makedirs(tiny_dir, exist_ok=True)
    tiny = os.path.join(tiny_dir, "main.py")
    with open(tiny, "w", encoding="utf-8") as f:
        f.write('def main(argv: list[str]) -> int:\n    print("hi")\n    return 0\n')

    log(f"throughput: {lines} lines in {len(os.listdir(big))} modules")
    t_check = best_of(runs, [SEAM, "check", entry], "seam check (big)")
    t_build = best_of(runs, [SEAM, "build-core", entry, "-o", exe], "seam build-core (big)")
    t_tiny_check = best_of(runs, [SEAM, "check", tiny], "seam check (tiny)")
    t_tiny_build = best_of(runs, [SEAM, "build-core", tiny, "-o", exe + ".tiny"], "seam build-core (tiny)")
    size = os.path.getsize(exe)

    # The generated program must behave the same translated and on CPython.
    translated = run([exe])
    cpython = run([sys.executable, entry], env=python_env())
    same = (translated.stdout, translated.status) == (cpython.stdout, cpython.status)

    print(f"### Translation throughput ({lines} lines, {len(os.listdir(big)) - 1} modules + main, best of {runs})\n")
    print("| command | time (s) | lines/s | one-line program (s) | lines/s excluding the one-line cost |")
    print("|---|---:|---:|---:|---:|")
    for name, t, t0 in (("seam check", t_check, t_tiny_check), ("seam build-core", t_build, t_tiny_build)):
        net = t - t0
        net_rate = f"{lines / net:,.0f}" if net > 0 else "n/a"
        print(f"| `{name}` | {t:.3f} | {lines / t:,.0f} | {t0:.3f} | {net_rate} |")
    print(f"\nExecutable: {size / 1e6:.1f} MB; translated output "
          f"{'matches' if same else 'DIFFERS FROM'} CPython's.\n")
    if not same:
        log(f"big program: translated status {translated.status}, CPython status {cpython.status}")
    return same


def programs(runs: int, only: list[str]) -> bool:
    names = sorted(n[:-3] for n in os.listdir(os.path.join(BENCH, "programs")) if n.endswith(".py"))
    if only:
        names = [n for n in names if any(o in n for o in only)]
    env = python_env()
    rows = []
    ok = True
    for name in names:
        src = os.path.join(BENCH, "programs", name + ".py")
        exe = os.path.join(OUT, name)
        build = run([SEAM, "build-core", src, "-o", exe])
        if build.status != 0:
            log(f"{name}: build-core failed:\n{build.stderr.decode(errors='replace')}")
            rows.append((name, None, None, None, "build failed"))
            ok = False
            continue
        best_py = best_seam = float("inf")
        verdict = "identical"
        for i in range(runs):
            log(f"{name}: run {i + 1}/{runs}")
            # Alternate, so that a slow phase of the machine hurts both sides.
            py = run([sys.executable, src], env=env)
            tr = run([exe])
            if (py.stdout, py.status) != (tr.stdout, tr.status):
                verdict = "DIFFERENT"
                ok = False
                log(f"{name}: outputs differ (python3 status {py.status}, seam status {tr.status})\n"
                    f"--- python3\n{py.stdout.decode(errors='replace')}"
                    f"--- seam\n{tr.stdout.decode(errors='replace')}{tr.stderr.decode(errors='replace')}")
            best_py = min(best_py, py.seconds)
            best_seam = min(best_seam, tr.seconds)
        rows.append((name, build.seconds, best_py, best_seam, verdict))

    print(f"### Translated programs against CPython (best of {runs}, wall clock, process start included)\n")
    print("| program | build-core (s) | python3 (s) | seam (s) | speed-up (python3 / seam) | output |")
    print("|---|---:|---:|---:|---:|---|")
    for name, build_s, py_s, seam_s, verdict in rows:
        if py_s is None:
            print(f"| `{name}` | – | – | – | – | {verdict} |")
        else:
            print(f"| `{name}` | {build_s:.2f} | {py_s:.3f} | {seam_s:.3f} | {py_s / seam_s:.1f}× | {verdict} |")
    print()
    return ok


def main(argv: list[str]) -> int:
    global SEAM
    parser = argparse.ArgumentParser(description="Seam benchmarks (run via bench/run.sh)")
    parser.add_argument("--runs", type=int, default=5, help="runs per measurement; the best counts")
    parser.add_argument("--lines", type=int, default=20000, help="size of the generated program")
    parser.add_argument("--skip-throughput", action="store_true")
    parser.add_argument("--seam", default=SEAM,
                        help="the seam binary to measure (libseam_runtime.a must sit beside it)")
    parser.add_argument("only", nargs="*", help="run only the programs whose names contain these")
    args = parser.parse_args(argv[1:])
    SEAM = os.path.abspath(args.seam)
    if not os.access(SEAM, os.X_OK):
        log(f"bench: {SEAM} is missing: run bench/run.sh, which builds it")
        return 1
    os.makedirs(OUT, exist_ok=True)
    started = time.perf_counter()
    py_version = subprocess.run([sys.executable, "--version"], capture_output=True, text=True).stdout.strip()
    if SEAM == os.path.join(ROOT, "target", "release", "seam"):
        rev = subprocess.run(["git", "describe", "--always", "--dirty"], capture_output=True, text=True,
                             cwd=ROOT).stdout.strip() or "unknown"
        which = f"seam at {rev} (release build)"
    else:
        which = f"seam binary {SEAM}"
    print(f"## Seam benchmarks, {datetime.date.today().isoformat()}\n")
    print(f"{platform.machine()}, {os.cpu_count()} CPUs, {py_version}, {which}\n")
    ok = True
    if not args.skip_throughput:
        ok &= throughput(args.runs, args.lines)
    ok &= programs(args.runs, args.only)
    log(f"bench: done in {time.perf_counter() - started:.0f} s")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
