#!/usr/bin/env python3
"""The Seam benchmarks: translation throughput, and translated programs against CPython.

Run through ``bench/run.sh``, which builds the release ``seam`` first.  Everything
is measured from outside, as wall-clock time of whole processes (start-up included),
best of N runs.  Every command runs under ``bench/tools/measure.rs``, a small
launcher that also reports the command's CPU time and its own peak RSS
(``ru_maxrss`` from ``wait4``; measured from Python, every child would report at
least the harness's RSS).  Results are printed as Markdown tables on stdout;
progress goes to stderr.  Artefacts go to ``target/bench/``.

  1. Translation throughput: ``bench/gen_big.py`` writes a ~20,000-line program;
     ``seam check`` (front end only) and ``seam build-core`` (front end, Cranelift,
     link) are timed on it, and on a one-line program to show the fixed cost
     (process start, runtime library, linker).
  2. CPU-bound programs (``bench/programs/*.py``): each is translated once, then the
     binary and ``python3`` run alternately N times; outputs and exit statuses must be
     identical, and the table gives both best times and their ratio.  CPython runs
     fewer times (at least once) once it has used ``--py-budget`` seconds on a program.
  3. Object model (``binary_trees``, ``virtual_calls``, ``exceptions`` among the
     programs): programs with a twin in ``bench/rust/NAME.rs`` (compiled with
     ``rustc -O``) also run that binary in the same alternation, and a second table
     compares time, CPU time and peak RSS with it, plus the collector's counters
     (one extra run with ``SEAM_GC_STATS=1``).
  4. Extensions (``bench/ext/``): ``ext_calls`` runs one loop compiled into the
     core and the same loop compiled into an extension; ``ext_dispatch`` a
     virtual call from the core into an extension's override and an
     ``isinstance`` against an extension class, against the same on core
     classes, with the extension near the core and (a control) anywhere;
     ``ext_build`` times
     ``build-ext`` of a small extension against generated cores of 100 and 4,000
     exports (``bench/gen_exports_core.py``) and, for scale, ``ld -shared`` of a
     one-function object (the link's fixed cost); ``ext_load`` times a core that loads
     a generated extension of 500 functions and 50 classes against the same core
     not loading it.
  5. Projects (``project_build``): ``seam build`` of ``tests/projects/layered`` from its
     seam.toml, cold against fully cached.

Filters (positional arguments) pick what runs: a section name (``throughput``,
``programs``, ``objects``, ``ext``) or any substring of a program or extension
benchmark name (``fib``, ``binary``, ``ext_load``).  With no filter everything runs.

Exit status: 0 when everything built and every output matched, 1 otherwise.
"""

from __future__ import annotations

import argparse
import datetime
import os
import platform
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BENCH = os.path.join(ROOT, "bench")
OUT = os.path.join(ROOT, "target", "bench")
SEAM = os.path.join(ROOT, "target", "release", "seam")
SHIM = os.path.join(ROOT, "shim")
MEASURE = os.path.join(OUT, "measure")
TIMEOUT = 300

# The object-model programs (``objects`` selects them); all live in bench/programs/.
OBJECT_PROGRAMS = ("binary_trees", "virtual_calls", "exceptions")
# The extension benchmarks (``ext`` selects them).
EXT_BENCHMARKS = ("ext_calls", "ext_dispatch", "ext_build", "ext_load")


def log(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


@dataclass
class Run:
    seconds: float
    status: int
    stdout: bytes
    stderr: bytes
    max_rss_kb: int
    cpu_seconds: float  # user + system time of the child


def build_measure() -> None:
    """Compiles the launcher ``bench/tools/measure.rs`` (see there) into ``target/bench/``."""
    global MEASURE
    exe = os.path.join(OUT, "measure")
    src = os.path.join(BENCH, "tools", "measure.rs")
    if not os.path.exists(exe) or os.path.getmtime(exe) < os.path.getmtime(src):
        subprocess.run(["rustc", "-O", "--edition", "2021", src, "-o", exe], check=True)
    MEASURE = exe


def run(cmd: list[str], env: dict[str, str] | None = None) -> Run:
    """Runs ``cmd`` to completion through the ``measure`` launcher: wall-clock time,
    status, output, CPU time and the child's own peak resident set size."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err, \
            tempfile.NamedTemporaryFile(mode="r") as result:
        start = time.perf_counter()
        # A session of its own, so that a timeout kills the launcher and the command.
        proc = subprocess.Popen([MEASURE, result.name, *cmd], stdout=out, stderr=err, env=env, cwd=ROOT,
                                start_new_session=True)
        try:
            proc.wait(timeout=TIMEOUT)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
        seconds = time.perf_counter() - start
        fields = result.read().split()
        out.seek(0)
        err.seek(0)
        if len(fields) == 4:
            # The launcher's own clock excludes its start-up.
            seconds = float(fields[0])
            cpu, rss = float(fields[1]) + float(fields[2]), int(fields[3])
        else:
            cpu, rss = float("nan"), 0
        return Run(seconds, proc.returncode, out.read(), err.read(), rss, cpu)


def must(r: Run, what: str) -> Run:
    if r.status != 0:
        raise SystemExit(
            f"bench: {what} failed with status {r.status}:\n{r.stderr.decode(errors='replace')}"
        )
    return r


def best_of(n: int, cmd: list[str], what: str) -> float:
    return min(must(run(cmd), what).seconds for _ in range(n))


def selected(only: list[str], name: str, groups: tuple[str, ...] = ()) -> bool:
    """Whether a filter picks benchmark ``name``: no filters, a group it belongs
    to, or a substring of its name."""
    return not only or any(f in groups or f in name for f in only)


def mb(kb: int) -> str:
    return f"{kb / 1024:.1f}"


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


def build_rust(name: str) -> str | None:
    """Compiles ``bench/rust/NAME.rs`` with ``rustc -O`` if it exists; the executable's path."""
    src = os.path.join(BENCH, "rust", name + ".rs")
    if not os.path.exists(src):
        return None
    exe = os.path.join(OUT, name + ".rust")
    must(run(["rustc", "-O", "--edition", "2021", src, "-o", exe]), f"rustc {src}")
    return exe


def build_ocaml(name: str) -> str | None:
    """Compiles ``bench/ocaml/NAME.ml`` with ``ocamlopt`` if both exist; the executable's path."""
    src = os.path.join(BENCH, "ocaml", name + ".ml")
    if not os.path.exists(src) or shutil.which("ocamlopt") is None:
        return None
    work = os.path.join(OUT, name + ".ocaml.d")
    os.makedirs(work, exist_ok=True)
    shutil.copy(src, work)
    exe = os.path.join(OUT, name + ".ocaml")
    must(run(["ocamlopt", "-o", exe, os.path.join(work, name + ".ml")]), f"ocamlopt {src}")
    return exe


def gc_stats(cmd: list[str]) -> dict[str, int | str]:
    """The collector's counters (``SEAM_GC_STATS=1``) for one run of a translated program."""
    env = dict(os.environ, SEAM_GC_STATS="1")
    stats: dict[str, int | str] = {}
    for line in run(cmd, env=env).stderr.decode(errors="replace").splitlines():
        m = re.fullmatch(r"seam-gc: (.+?) (\d+)", line)
        if m:
            stats[m.group(1)] = int(m.group(2))
        m = re.fullmatch(r"seam-gc: pause max ([\d.]+) ms, total ([\d.]+) ms", line)
        if m:
            stats["pause max"], stats["pause total"] = m.group(1), m.group(2)
    return stats


@dataclass
class Side:
    """One contender of a side-by-side measurement."""

    label: str
    cmd: list[str]
    env: dict[str, str] | None = None
    best: float = float("inf")
    total: float = 0.0
    runs: int = 0
    max_rss_kb: int = 0
    best_cpu: float = float("inf")

    def measure(self) -> Run:
        r = run(self.cmd, env=self.env)
        self.best = min(self.best, r.seconds)
        self.best_cpu = min(self.best_cpu, r.cpu_seconds)
        self.total += r.seconds
        self.runs += 1
        self.max_rss_kb = max(self.max_rss_kb, r.max_rss_kb)
        return r


def programs(runs: int, only: list[str], py_budget: float) -> bool:
    names = sorted(n[:-3] for n in os.listdir(os.path.join(BENCH, "programs")) if n.endswith(".py"))
    names = [n for n in names
             if selected(only, n, ("programs", "objects") if n in OBJECT_PROGRAMS else ("programs",))]
    if not names:
        return True
    env = python_env()
    rows = []
    rust_rows = []
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
        py = Side("python3", [sys.executable, src], env)
        tr = Side("seam", [exe])
        sides = [py, tr]
        rust_exe = build_rust(name)
        rs = Side("rust", [rust_exe]) if rust_exe else None
        if rs:
            sides.append(rs)
        ocaml_exe = build_ocaml(name) if rs else None
        oc = Side("ocaml", [ocaml_exe]) if ocaml_exe else None
        if oc:
            sides.append(oc)
        verdict = "identical"
        expected: tuple[bytes, int] | None = None
        for i in range(runs):
            log(f"{name}: run {i + 1}/{runs}")
            # Alternate, so that a slow phase of the machine hurts every side.
            for side in sides:
                # CPython is slow on some programs: past its time budget it runs no more
                # (at least once), while the translated program and Rust still run N times.
                if side is py and py.runs > 0 and py.total >= py_budget:
                    continue
                r = side.measure()
                got = (r.stdout, r.status)
                if expected is None:
                    expected = got
                elif got != expected:
                    verdict = "DIFFERENT"
                    ok = False
                    log(f"{name}: {side.label} output differs (status {r.status}, expected {expected[1]})\n"
                        f"--- expected\n{expected[0].decode(errors='replace')}"
                        f"--- {side.label}\n{r.stdout.decode(errors='replace')}{r.stderr.decode(errors='replace')}")
        rows.append((name, build.seconds, py, tr, verdict))
        if rs:
            rust_rows.append((name, tr, rs, oc, gc_stats([exe])))

    print(f"### Translated programs against CPython (best of {runs}, wall clock, process start included)\n")
    print("| program | build-core (s) | python3 (s) | seam (s) | speed-up (python3 / seam) "
          "| peak RSS python3 / seam (MB) | output |")
    print("|---|---:|---:|---:|---:|---:|---|")
    for name, build_s, py, tr, verdict in rows:
        if py is None:
            print(f"| `{name}` | – | – | – | – | – | {verdict} |")
            continue
        py_runs = "" if py.runs == runs else f" (best of {py.runs})"
        print(f"| `{name}` | {build_s:.2f} | {py.best:.3f}{py_runs} | {tr.best:.3f} | {py.best / tr.best:.1f}× "
              f"| {mb(py.max_rss_kb)} / {mb(tr.max_rss_kb)} | {verdict} |")
    print()
    if rust_rows:
        print(f"### Object model: translated against plain Rust (`rustc -O`), best of {runs}, same alternation\n")
        print("| program | seam (s) | Rust (s) | time seam / Rust | CPU seam / Rust (s) | CPU seam / Rust "
              "| peak RSS seam (MB) | peak RSS Rust (MB) | memory seam / Rust | GC collections (minor / major) "
              "| GC peak heap (MB) | GC bytes allocated (MB) | GC bytes promoted (MB) | GC pause max / total (ms) |")
        print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
        for name, tr, rs, oc, stats in rust_rows:
            def stat(key: str, scale: float = 1.0) -> str:
                return f"{stats[key] / scale:,.1f}" if scale != 1.0 and key in stats else str(stats.get(key, "?"))
            print(f"| `{name}` | {tr.best:.3f} | {rs.best:.3f} | **{tr.best / rs.best:.2f}×** "
                  f"| {tr.best_cpu:.3f} / {rs.best_cpu:.3f} | {tr.best_cpu / rs.best_cpu:.2f}× "
                  f"| {mb(tr.max_rss_kb)} | {mb(rs.max_rss_kb)} | **{tr.max_rss_kb / rs.max_rss_kb:.2f}×** "
                  f"| {stat('collections')} ({stat('minor collections')} / {stat('major collections')}) "
                  f"| {stat('peak heap bytes', 2**20)} "
                  f"| {stat('bytes allocated', 2**20)} | {stat('bytes promoted', 2**20)} "
                  f"| {stats.get('pause max', '?')} / {stats.get('pause total', '?')} |")
        print()
        ocaml_rows = [(name, tr, rs, oc) for name, tr, rs, oc, _ in rust_rows if oc]
        if ocaml_rows:
            print(f"### Object model: OCaml (`ocamlopt`) twins, best of {runs}, same alternation\n")
            print("| program | seam (s) | Rust (s) | OCaml (s) | OCaml / Rust | seam / OCaml "
                  "| peak RSS seam / Rust / OCaml (MB) |")
            print("|---|---:|---:|---:|---:|---:|---:|")
            for name, tr, rs, oc in ocaml_rows:
                print(f"| `{name}` | {tr.best:.3f} | {rs.best:.3f} | {oc.best:.3f} | {oc.best / rs.best:.2f}× "
                      f"| {tr.best / oc.best:.2f}× | {mb(tr.max_rss_kb)} / {mb(rs.max_rss_kb)} "
                      f"/ {mb(oc.max_rss_kb)} |")
            print()
    return ok


# ---------------------------------------------------------------- extensions


def method_source(path: str, cls: str, method: str) -> str:
    """The text of ``cls.method`` in ``path`` (the ``def`` line and its indented body)."""
    with open(path, encoding="utf-8") as f:
        lines = f.read().splitlines()
    i = next(k for k, line in enumerate(lines) if line.startswith(f"class {cls}"))
    i = next(k for k in range(i + 1, len(lines)) if lines[k].strip().startswith(f"def {method}("))
    indent = len(lines[i]) - len(lines[i].lstrip())
    body = [lines[i]]
    for line in lines[i + 1:]:
        if line.strip() and len(line) - len(line.lstrip()) <= indent:
            break
        body.append(line)
    return "\n".join(body).rstrip()


def seam_py(entry: str, args: list[str]) -> Run:
    """``seam py``: the program untranslated, with one copy of the entry module
    (an extension's ``from main import ...`` must see the running core)."""
    return run([SEAM, "py", entry, "--", *args])


EXT_ROUNDS = 2_000_000


@dataclass
class ExtPair:
    """A core and its extension from `bench/ext/NAME` (main.py, ext.py), built
    into the output directory, with the two builds' runs."""

    src_dir: str
    core_py: str
    core: str
    ext: str
    built_core: Run
    built_ext: Run

    def same_outputs(self, label: str, rounds: str, what: list[str] | None = None) -> bool:
        """Whether `main.py [WHAT] SIDE ROUNDS [EXT_PATH]` prints the same under
        `seam py` and translated, with SIDE `core` and with SIDE `ext` (the
        extension loaded); logs the outputs when not."""
        what = what or []
        outs = {
            "seam py core": seam_py(self.core_py, [*what, "core", rounds]),
            "seam py ext": seam_py(self.core_py, [*what, "ext", rounds, os.path.join(self.src_dir, "ext")]),
            "core": run([self.core, *what, "core", rounds]),
            "ext": run([self.core, *what, "ext", rounds, self.ext]),
        }
        if len({(r.stdout, r.status) for r in outs.values()}) == 1:
            return True
        log(f"{label}: outputs differ:\n" + "".join(
            f"--- {k} (status {r.status})\n{r.stdout.decode(errors='replace')}"
            f"{r.stderr.decode(errors='replace')}" for k, r in outs.items()))
        return False


def ext_sources(name: str) -> tuple[str, str, str]:
    """`bench/ext/NAME`, its core's `main.py` and its extension's `ext.py`."""
    src_dir = os.path.join(BENCH, "ext", name)
    return src_dir, os.path.join(src_dir, "main.py"), os.path.join(src_dir, "ext.py")


def build_ext_pair(name: str) -> ExtPair:
    """Builds `bench/ext/NAME`'s core and extension into the output directory."""
    src_dir, core_py, ext_py = ext_sources(name)
    out = os.path.join(OUT, f"ext_{name}")
    os.makedirs(out, exist_ok=True)
    core, ext = os.path.join(out, "core"), os.path.join(out, "ext")
    built_core = must(run([SEAM, "build-core", core_py, "-o", core]), f"build-core (ext_{name})")
    built_ext = must(run([SEAM, "build-ext", ext_py, "--exports", core + ".exports", "-o", ext + ".so"]),
                     f"build-ext (ext_{name})")
    return ExtPair(src_dir, core_py, core, ext, built_core, built_ext)


def ext_calls(runs: int) -> bool:
    _, core_py, ext_py = ext_sources("calls")
    if method_source(core_py, "CoreRunner", "run") != method_source(ext_py, "ExtRunner", "run"):
        log("ext_calls: CoreRunner.run and ExtRunner.run differ; they must be the same text")
        return False
    pair = build_ext_pair("calls")
    core, ext, b_core, b_ext = pair.core, pair.ext, pair.built_core, pair.built_ext
    # Both modes, translated and on CPython, compute the same thing.
    ok = pair.same_outputs("ext_calls", "300")
    in_core = Side("core", [core, "core", str(EXT_ROUNDS)])
    in_ext = Side("ext", [core, "ext", str(EXT_ROUNDS), ext])
    # A control: the same extension mapped anywhere (near 0x7f..., where dlopen put it).
    in_far = Side("ext far", [core, "ext", str(EXT_ROUNDS), ext], env=dict(os.environ, SEAM_MAP_ANYWHERE="1"))
    core_times, ext_times = [], []
    # The two differ by a few per cent at most: twice the usual number of pairs.
    runs *= 2
    for i in range(runs):
        log(f"ext_calls: run {i + 1}/{runs}")
        a, b, c = in_core.measure(), in_ext.measure(), in_far.measure()
        core_times.append(a.seconds)
        ext_times.append(b.seconds)
        if len({(r.stdout, r.status) for r in (a, b, c)}) != 1:
            ok = False
            log(f"ext_calls: core and ext results differ: {a.stdout!r} / {b.stdout!r} / {c.stdout!r}")
    median = sorted(e / c for c, e in zip(core_times, ext_times))[len(core_times) // 2]
    n_iter = EXT_ROUNDS * 64
    print(f"### Extensions: the same loop in the core and in an extension (best of {runs}, alternating)\n")
    print(f"`bench/ext/calls`: {EXT_ROUNDS:,} rounds over 64 core objects ({n_iter / 1e6:.0f} M iterations, each "
          "an exported-function call, a field read, a virtual call and one or two `isinstance` tests). "
          f"build-core {b_core.seconds:.2f} s, build-ext {b_ext.seconds:.3f} s; "
          f"results {'identical (also under `seam py`)' if ok else 'DIFFERENT'}.\n")
    print("| loop compiled into | wall (s) | ns / iteration | CPU, user + sys (s) | extension / core, wall "
          "| extension / core, CPU |")
    print("|---|---:|---:|---:|---:|---:|")
    print(f"| the core (`CoreRunner.run`) | {in_core.best:.3f} | {in_core.best / n_iter * 1e9:.1f} "
          f"| {in_core.best_cpu:.3f} | | |")
    print(f"| the extension (`ExtRunner.run`, loaded by `load_extension`) | {in_ext.best:.3f} "
          f"| {in_ext.best / n_iter * 1e9:.1f} | {in_ext.best_cpu:.3f} | **{in_ext.best / in_core.best:.2f}×** "
          f"(median of pairs {median:.2f}×) | {in_ext.best_cpu / in_core.best_cpu:.2f}× |")
    print(f"| the extension mapped anywhere (`SEAM_MAP_ANYWHERE=1`, control) | {in_far.best:.3f} "
          f"| {in_far.best / n_iter * 1e9:.1f} | {in_far.best_cpu:.3f} | {in_far.best / in_core.best:.2f}× "
          f"| {in_far.best_cpu / in_core.best_cpu:.2f}× |")
    print()
    return ok


C_ROUNDS = 100_000_000


def c_calls(runs: int) -> bool:
    """`bench/c`: a call of a C function (`@seam.c_function`) against a call of
    the same function written in Seam, with ints and with a str argument."""
    src = os.path.join(BENCH, "c", "main.py")
    exe = os.path.join(OUT, "c_calls")
    must(run([SEAM, "build-core", src, "-o", exe]), "build-core (bench/c)")
    ok = True
    for a, b in (("seam", "c"), ("seam-str", "c-str")):
        outs = {m: seam_py(src, [m, "1000"]).stdout for m in (a, b)}
        outs |= {f"{m} translated": run([exe, m, "1000"]).stdout for m in (a, b)}
        if len(set(outs.values())) != 1:
            ok = False
            log(f"c_calls: outputs differ: {outs!r}")
    rows = []
    for a, b in (("seam", "c"), ("seam-str", "c-str")):
        sides = [Side(a, [exe, a, str(C_ROUNDS)]), Side(b, [exe, b, str(C_ROUNDS)])]
        for i in range(runs):
            log(f"c_calls {b}: run {i + 1}/{runs}")
            rs = [s.measure() for s in sides]
            if rs[0].stdout != rs[1].stdout:
                ok = False
                log(f"c_calls: {a} and {b} results differ: {rs[0].stdout!r} / {rs[1].stdout!r}")
        rows.append(sides)
    print(f"### C functions: a C call against a Seam call (best of {runs}, alternating)\n")
    print(f"`bench/c`: {C_ROUNDS:,} calls in a loop of the core, each side's function as small as the "
          "other's: `(acc ^ i) + 1` of two ints; the length of a str (`strlen` in C, which the str reaches "
          f"without a copy; `len(s) + 0` in Seam). Results {'identical (also under `seam py`)' if ok else 'DIFFERENT'}.\n")
    print("| call | Seam (s) | C (s) | ns / call, Seam | ns / call, C | C / Seam |")
    print("|---|---:|---:|---:|---:|---:|")
    for (s, c), what in zip(rows, ("two ints", "one str")):
        print(f"| {what} | {s.best:.3f} | {c.best:.3f} | {s.best / C_ROUNDS * 1e9:.2f} "
              f"| {c.best / C_ROUNDS * 1e9:.2f} | **{c.best / s.best:.2f}×** |")
    print()
    return ok


DISPATCH_ROUNDS = 3_000_000


def ext_dispatch(runs: int) -> bool:
    """The core's side of the seam: a virtual call from the core into an override
    compiled into an extension, and an isinstance against an extension class,
    each against the same operation on the core's own classes; the extension
    mapped near the core (as loaded) and, as a control, anywhere
    (SEAM_MAP_ANYWHERE=1)."""
    pair = build_ext_pair("dispatch")
    core, ext = pair.core, pair.ext
    ok = True
    for what in ("virtual", "isinstance"):
        ok &= pair.same_outputs(f"ext_dispatch {what}", "300", [what])
    far_env = dict(os.environ, SEAM_MAP_ANYWHERE="1")
    rows = []
    for what in ("virtual", "isinstance"):
        sides = [Side("core", [core, what, "core", str(DISPATCH_ROUNDS)]),
                 Side("ext", [core, what, "ext", str(DISPATCH_ROUNDS), ext]),
                 Side("ext far", [core, what, "ext", str(DISPATCH_ROUNDS), ext], env=far_env)]
        ratios: list[list[float]] = [[], []]
        for i in range(runs * 2):
            log(f"ext_dispatch {what}: run {i + 1}/{runs * 2}")
            rs = [s.measure() for s in sides]
            if len({(r.stdout, r.status) for r in rs}) != 1:
                ok = False
                log(f"ext_dispatch {what}: results differ: {[r.stdout for r in rs]!r}")
            ratios[0].append(rs[1].seconds / rs[0].seconds)
            ratios[1].append(rs[2].seconds / rs[0].seconds)
        medians = [sorted(r)[len(r) // 2] for r in ratios]
        rows.append((what, sides, medians))
    n_iter = DISPATCH_ROUNDS * 64
    print(f"### Extensions: the core calling into an extension (best of {runs * 2}, alternating)\n")
    print(f"`bench/ext/dispatch`: {DISPATCH_ROUNDS:,} rounds over 64 objects ({n_iter / 1e6:.0f} M iterations). "
          "*virtual*: the core's loop calls `Shape.area` on the core's `CoreSquare` or on the extension's "
          "`ExtSquare` (the same override). *isinstance*: `isinstance(n, CoreLeaf)` in the core's "
          "`CoreCounter.count` or `isinstance(n, ExtLeaf)` in the extension's `ExtCounter.count`. "
          "*far*: the same extension mapped anywhere (`SEAM_MAP_ANYWHERE=1`, the placement `dlopen` gave), "
          f"a control. Results {'identical (also under `seam py`)' if ok else 'DIFFERENT'}.\n")
    print("| operation | core (s) | extension, near (s) | extension, far (s) | near / core "
          "| far / core |")
    print("|---|---:|---:|---:|---:|---:|")
    for what, (c, e, f), (m_near, m_far) in rows:
        print(f"| {what} | {c.best:.3f} | {e.best:.3f} | {f.best:.3f} | **{e.best / c.best:.2f}×** "
              f"(median of runs {m_near:.2f}×) | {f.best / c.best:.2f}× (median {m_far:.2f}×) |")
    print()
    return ok


_generated: dict[tuple[int, int, int], tuple[str, float, float]] = {}


ALLOC_ROUNDS = 40_000


def ext_alloc(runs: int) -> bool:
    """Allocation across the seam: the same loop creating small objects and
    keeping them in a list the core owns, compiled into the core or into an
    extension (bench/ext/alloc)."""
    pair = build_ext_pair("alloc")
    core, ext = pair.core, pair.ext
    ok = pair.same_outputs("ext_alloc", "50")
    sides = [Side("core", [core, "core", str(ALLOC_ROUNDS)]),
             Side("ext", [core, "ext", str(ALLOC_ROUNDS), ext])]
    ratios = []
    for i in range(runs * 2):
        log(f"ext_alloc: run {i + 1}/{runs * 2}")
        rs = [s.measure() for s in sides]
        if len({(r.stdout, r.status) for r in rs}) != 1:
            ok = False
            log(f"ext_alloc: results differ: {[r.stdout for r in rs]!r}")
        ratios.append(rs[1].seconds / rs[0].seconds)
    median = sorted(ratios)[len(ratios) // 2]
    n = ALLOC_ROUNDS * 256
    print(f"### Extensions: allocation in an extension, kept by the core (best of {runs * 2}, alternating)\n")
    print(f"`bench/ext/alloc`: {ALLOC_ROUNDS:,} rounds of 256 objects ({n / 1e6:.0f} M objects, each "
          "`Item(key, label, prev)` appended to a `list[Item]` of the core, dropped every 4,096), "
          "the loop compiled into the core (`CoreMaker.fill`) or into the extension (`ExtMaker.fill`). "
          f"Results {'identical (also under `seam py`)' if ok else 'DIFFER'}.\n")
    print("| loop compiled into | wall (s) | ns / object | peak RSS (MB) |")
    print("|---|---:|---:|---:|")
    for s in sides:
        print(f"| {s.label} | {s.best:.3f} | {s.best / n * 1e9:.1f} | {mb(s.max_rss_kb)} |")
    print(f"\nextension / core: **{sides[1].best / sides[0].best:.2f}×** (median of pairs {median:.2f}×; "
          "target ≤ 1.05×).\n")
    return ok


LIVE_MILLIONS = (1, 10)


def gc_pauses(runs: int) -> bool:
    """The collector's longest pause with a large live heap (bench/gc/live.py),
    and for binary trees: SEAM_GC_STATS of one run each."""
    out = os.path.join(OUT, "gc_pauses")
    os.makedirs(out, exist_ok=True)
    src = os.path.join(BENCH, "gc", "live.py")
    exe = os.path.join(out, "live")
    must(run([SEAM, "build-core", src, "-o", exe]), "build-core (gc_pauses)")
    trees_src = os.path.join(BENCH, "programs", "binary_trees.py")
    trees = os.path.join(out, "binary_trees")
    must(run([SEAM, "build-core", trees_src, "-o", trees]), "build-core (binary_trees)")
    rows = []
    for label, cmd in [(f"live.py {m} (about {m * 100} MB live)", [exe, str(m)]) for m in LIVE_MILLIONS] + [
            ("binary_trees.py 16", [trees, "16"])]:
        log(f"gc_pauses: {label}")
        side = Side(label, cmd)
        r = side.measure()
        if r.status != 0:
            log(f"gc_pauses: {label} failed: {r.stderr.decode(errors='replace')}")
            return False
        stats = gc_stats(cmd)
        rows.append((label, side, stats))
    print("### The collector's pauses (one run each, `SEAM_GC_STATS=1`)\n")
    print("`bench/gc/live.py N` builds N chains of a million `Cell(value, name, next)` objects that stay "
          "alive, then allocates two million short-lived ones; `binary_trees.py 16` as in the objects section.\n")
    print("| program | wall (s) | peak RSS (MB) | minor | major | longest pause (ms) | pauses in all (ms) |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for label, side, st in rows:
        print(f"| {label} | {side.best:.2f} | {mb(side.max_rss_kb)} | {st.get('minor collections', '?')} "
              f"| {st.get('major collections', '?')} | {st.get('pause max', '?')} | {st.get('pause total', '?')} |")
    print()
    return True


def generated(exports: int, ext_functions: int, ext_classes: int) -> tuple[str, float, float]:
    """Generates and builds (once per run of the harness) a core with ``exports``
    exports and its extension: the directory, and the build-core and build-ext times."""
    key = (exports, ext_functions, ext_classes)
    if key not in _generated:
        d = os.path.join(OUT, f"gen_{exports}_{ext_functions}_{ext_classes}")
        shutil.rmtree(d, ignore_errors=True)
        must(run([sys.executable, os.path.join(BENCH, "gen_exports_core.py"), d, "--exports", str(exports),
                  "--ext-functions", str(ext_functions), "--ext-classes", str(ext_classes)]),
             "gen_exports_core.py")
        t_core = must(run([SEAM, "build-core", os.path.join(d, "main.py"), "-o", os.path.join(d, "core")]),
                      f"build-core ({d})").seconds
        t_ext = must(run([SEAM, "build-ext", os.path.join(d, "ext.py"), "--exports",
                          os.path.join(d, "core.exports"), "-o", os.path.join(d, "ext.so")]),
                     f"build-ext ({d})").seconds
        _generated[key] = (d, t_core, t_ext)
    return _generated[key]


def check_generated(d: str) -> bool:
    """The generated core, loading its extension, prints what ``seam py`` prints."""
    tr = run([os.path.join(d, "core"), os.path.join(d, "ext")])
    py = seam_py(os.path.join(d, "main.py"), [os.path.join(d, "ext")])
    if (tr.stdout, tr.status) != (py.stdout, py.status):
        log(f"{d}: translated and `seam py` outputs differ:\n{tr.stdout!r} {tr.stderr!r}\n{py.stdout!r} {py.stderr!r}")
        return False
    return True


SMALL_EXT = (8, 2)  # functions, classes of the small extension


def ext_build(runs: int) -> bool:
    small_dir, _, _ = generated(100, *SMALL_EXT)
    big_dir, _, _ = generated(4000, *SMALL_EXT)
    ok = check_generated(small_dir) and check_generated(big_dir)
    lines = {}
    for d in (small_dir, big_dir):
        with open(os.path.join(d, "main.py"), encoding="utf-8") as f:
            lines[d] = sum(1 for _ in f)
    core_builds = {d: Side(d, [SEAM, "build-core", os.path.join(d, "main.py"), "-o", os.path.join(d, "core")])
                   for d in (small_dir, big_dir)}
    ext_builds = {d: Side(d, [SEAM, "build-ext", os.path.join(d, "ext.py"), "--exports",
                              os.path.join(d, "core.exports"), "-o", os.path.join(d, "ext.so")])
                  for d in (small_dir, big_dir)}
    # What `build-ext` cannot go below: `ld -shared` of a one-function object (what `build-ext`
    # runs), the fixed cost of the link every extension goes through; `cc -shared`, the driver
    # it used to run, for comparison.
    floor_dir = os.path.join(OUT, "link_floor")
    os.makedirs(floor_dir, exist_ok=True)
    with open(os.path.join(floor_dir, "one.c"), "w", encoding="utf-8") as f:
        f.write("int one(void) { return 1; }\n")
    must(run(["cc", "-c", "-fPIC", os.path.join(floor_dir, "one.c"), "-o", os.path.join(floor_dir, "one.o")]),
         "cc -c (link floor)")
    link_floor = Side("ld -shared", ["ld", "-shared", os.path.join(floor_dir, "one.o"), "-o",
                                     os.path.join(floor_dir, "one.so")])
    cc_floor = Side("cc -shared", ["cc", "-shared", "-nostdlib", os.path.join(floor_dir, "one.o"), "-o",
                                   os.path.join(floor_dir, "one_cc.so")])
    # A build-ext takes about 10 ms, most of it the process and the link, so a busy machine's
    # noise is of the size of the differences measured: four times the usual number of runs.
    runs *= 4
    pairs = []
    for i in range(runs):
        log(f"ext_build: run {i + 1}/{runs}")
        small, big = (must(ext_builds[d].measure(), "build-ext").seconds for d in (small_dir, big_dir))
        pairs.append(big / small)
        must(link_floor.measure(), "ld -shared (link floor)")
        must(cc_floor.measure(), "cc -shared (link floor)")
        for d in (small_dir, big_dir):
            must(core_builds[d].measure(), "build-core")
    print(f"### Extensions: `build-ext` time against a small and a large core (best of {runs}, alternating)\n")
    print(f"`bench/gen_exports_core.py` cores; the same small extension ({SMALL_EXT[0]} functions, "
          f"{SMALL_EXT[1]} classes, using 5 of the core's names) is built against each. "
          f"Outputs {'match `seam py`' if ok else 'DIFFER from `seam py`'}.\n")
    print("| core | core lines | exports file (KB) | `build-core` (s) | `build-ext` (s) | extension .so (KB) |")
    print("|---|---:|---:|---:|---:|---:|")
    for d, n in ((small_dir, 100), (big_dir, 4000)):
        print(f"| {n:,} exports | {lines[d]:,} | {os.path.getsize(os.path.join(d, 'core.exports')) / 1024:,.0f} "
              f"| {core_builds[d].best:.3f} | {ext_builds[d].best:.3f} "
              f"| {os.path.getsize(os.path.join(d, 'ext.so')) / 1024:,.0f} |")
    ratio = ext_builds[big_dir].best / ext_builds[small_dir].best
    faster = core_builds[big_dir].best / ext_builds[big_dir].best
    median = sorted(pairs)[len(pairs) // 2]
    print(f"\n`build-ext` against 4,000 exports / against 100: **{ratio:.2f}×** (median of pairs "
          f"{median:.2f}×; target ≤ 1.2×); "
          f"`build-ext` against 4,000 exports is **{faster:.0f}× faster** than the `build-core` "
          f"of that core (target ≥ 50×). The link every `build-ext` ends with has a fixed cost: "
          f"`ld -shared` of a one-function object alone takes {link_floor.best * 1e3:.1f} ms (best of {runs}; "
          f"through the `cc` driver, {cc_floor.best * 1e3:.1f} ms), "
          f"{core_builds[big_dir].best / link_floor.best:.0f}× below that `build-core`.\n")
    return ok


LOAD_EXT = (500, 50)


def ext_load(runs: int) -> bool:
    n = max(20, 4 * runs)
    cases = [
        (f"{LOAD_EXT[0]} functions, {LOAD_EXT[1]} classes", 100, LOAD_EXT),
        (f"{SMALL_EXT[0]} functions, {SMALL_EXT[1]} classes", 100, SMALL_EXT),
        (f"{SMALL_EXT[0]} functions, {SMALL_EXT[1]} classes", 4000, SMALL_EXT),
    ]
    rows = []
    ok = True
    for label, exports, (funcs, classes) in cases:
        d, t_core, t_ext = generated(exports, funcs, classes)
        ok &= check_generated(d)
        core = os.path.join(d, "core")
        without = Side("without", [core])
        with_ext = Side("with", [core, os.path.join(d, "ext")])
        log(f"ext_load: {label} against {exports} exports, {n} runs")
        for _ in range(n):
            must(without.measure(), "core")
            must(with_ext.measure(), "core + extension")
        rows.append((label, exports, os.path.getsize(os.path.join(d, "ext.so")), without.best, with_ext.best, t_ext))
    print(f"### Extensions: load time (best of {n}, alternating; the same core run without and with "
          "`load_extension`)\n")
    print("| extension | core | .so (KB) | `build-ext` (s) | core alone (ms) | core + `load_extension` (ms) "
          "| load time (ms) |")
    print("|---|---|---:|---:|---:|---:|---:|")
    for label, exports, size, t0, t1, t_ext in rows:
        print(f"| {label} | {exports:,} exports | {size / 1024:,.0f} | {t_ext:.3f} | {t0 * 1e3:.2f} "
              f"| {t1 * 1e3:.2f} | **{(t1 - t0) * 1e3:.2f}** |")
    print("\nLoad time is the difference: reading and verifying the file, mapping it next to the core "
          "and relocating it against the core's symbols (`runtime/src/mapper.rs`), registering the "
          "extension's classes, its global initialisers and a trivial `init_module`.\n")
    return ok


# ---------------------------------------------------------------- projects and the build cache

# The projects `project_build` builds: directory, executable, arguments, what it is.
PROJECTS = (
    ("tests/projects/layered", "app", ["x"],
     "a core with one module linked in and two shared modules (the second compiled against the first's "
     "exports)"),
    ("examples/cproject", "showcase", [],
     "the C showcase: a core and two shared modules whose C glue wraps libqrencode and zlib (C compiled "
     "and linked in the cold build)"),
)


def project_build(runs: int) -> bool:
    """``seam build`` of each project of ``PROJECTS`` from its seam.toml: cold (empty cache,
    no outputs), fully cached (nothing changed) and cached with the outputs deleted (copied
    back from the cache), alternately; the program's output is checked against ``seam py``."""
    ok = True
    for rel, exe, args, what in PROJECTS:
        ok &= project_build_one(runs, rel, exe, args, what)
    return ok


def project_build_one(runs: int, rel: str, exe: str, args: list[str], what: str) -> bool:
    name = os.path.basename(rel)
    src = os.path.join(ROOT, rel)
    proj = os.path.join(OUT, "project", name)
    cache = os.path.join(OUT, "project", "cache")
    shutil.rmtree(os.path.join(OUT, "project"), ignore_errors=True)
    shutil.copytree(src, proj, ignore=shutil.ignore_patterns("build"))
    manifest = os.path.join(proj, "seam.toml")
    build_dir = os.path.join(proj, "build")
    env = dict(os.environ, SEAM_CACHE_DIR=cache)
    build = [SEAM, "build", "--manifest", manifest]
    cold = Side("cold", build, env)
    cached = Side("cached", build, env)
    restored = Side("restored", build, env)
    n = 4 * runs
    for i in range(n):
        log(f"project_build {name}: run {i + 1}/{n}")
        must(run([SEAM, "cache", "clean"], env=env), "seam cache clean")
        shutil.rmtree(build_dir, ignore_errors=True)
        r = must(cold.measure(), "seam build (cold)")
        if b"cached" in r.stdout:
            raise SystemExit(f"bench: a cold build used the cache:\n{r.stdout.decode()}")
        r = must(cached.measure(), "seam build (cached)")
        if b"built" in r.stdout:
            raise SystemExit(f"bench: a cached build translated:\n{r.stdout.decode()}")
        shutil.rmtree(build_dir)
        must(restored.measure(), "seam build (outputs deleted)")
    translated = subprocess.run([os.path.join(build_dir, exe), *args], cwd=build_dir, capture_output=True,
                                timeout=TIMEOUT)
    untranslated = subprocess.run([SEAM, "py", os.path.join(proj, "main.py"), "--", *args], cwd=proj,
                                  capture_output=True, timeout=TIMEOUT, env=env)
    ok = translated.returncode == 0 and translated.stdout == untranslated.stdout
    print(f"### Projects: `seam build` of `{rel}` from seam.toml, cold and cached (best of {n}, alternating)\n")
    print(f"`{rel}`: {what}. Cold: empty cache (`seam cache clean`), no `build/`. "
          "Cached: nothing changed, nothing translated. Outputs deleted: everything in the cache, copied "
          f"into a new `build/`. Output {'matches `seam py`' if ok else 'DIFFERS from `seam py`'}.\n")
    print("| build | best (ms) | mean (ms) |")
    print("|---|---:|---:|")
    for side in (cold, cached, restored):
        print(f"| {side.label} | {side.best * 1e3:.1f} | {side.total / side.runs * 1e3:.1f} |")
    print(f"\nCold / cached: **{cold.best / cached.best:.0f}×**; the cached build takes "
          f"**{cached.best * 1e3:.1f} ms** (target: under 50 ms).\n")
    return ok


# ---------------------------------------------------------------- the Scheme interpreter

SCHEME_PROGRAMS = ("fib", "tak", "primes")
# Guile's `load-extension` loads C libraries; Guile has vectors built in.
GUILE_PRELUDE = "(define (load-extension . args) (if #f #f))\n"


def scheme(runs: int, only: list[str]) -> bool:
    """examples/scheme, translated, against other Scheme implementations on bench/scheme/*.scm;
    the vector-heavy program with the vectors module loaded from .so and linked in; the peak
    RSS of ten million tail calls."""
    src = os.path.join(ROOT, "examples", "scheme")
    d = os.path.join(OUT, "scheme")
    shutil.rmtree(d, ignore_errors=True)
    os.makedirs(os.path.join(d, "dyn", "ext"))
    os.makedirs(os.path.join(d, "static"))
    core = os.path.join(d, "dyn", "scheme")
    t_core = must(run([SEAM, "build-core", os.path.join(src, "main.py"), "-o", core]), "build-core").seconds
    exts = sorted(n[:-3] for n in os.listdir(os.path.join(src, "ext")) if n.endswith(".py"))
    t_ext = {}
    static_cmd = [SEAM, "build-core", os.path.join(src, "main.py"), "-o", os.path.join(d, "static", "scheme")]
    for ext in exts:
        t_ext[ext] = must(run([SEAM, "build-ext", os.path.join(src, "ext", ext + ".py"), "--exports",
                               core + ".exports", "-o", os.path.join(d, "dyn", "ext", ext + ".so")]),
                          "build-ext").seconds
        static_cmd += ["--static-ext", os.path.join(src, "ext", ext + ".py")]
    must(run(static_cmd), "build-core --static-ext")
    empty_cache = tempfile.mkdtemp(prefix="guile-cache-empty-")
    warm_cache = tempfile.mkdtemp(prefix="guile-cache-warm-")
    env_empty = dict(os.environ, XDG_CACHE_HOME=empty_cache)
    env_warm = dict(os.environ, XDG_CACHE_HOME=warm_cache)

    def have(tool: str) -> bool:
        return shutil.which(tool) is not None

    def guile_file(name: str) -> str:
        # The program with the prelude, for Guile, in the scheme output directory.
        path = os.path.join(d, name + ".guile.scm")
        with open(os.path.join(BENCH, "scheme", name + ".scm"), encoding="utf-8") as f:
            text = f.read()
        with open(path, "w", encoding="utf-8") as f:
            f.write(GUILE_PRELUDE + text)
        return path

    ok = True
    rows = []
    for name in SCHEME_PROGRAMS:
        if not selected(only, name, ("scheme",)):
            continue
        prog = os.path.join(BENCH, "scheme", name + ".scm")
        sides = [Side("seam", [core, prog])]
        if have("guile"):
            sides.append(Side("guile", ["guile", "--no-auto-compile", prog], env_empty))
        if have("scm"):
            sides.append(Side("scm", ["scm", "-f", prog]))
        if have("gsi"):
            sides.append(Side("gsi", ["gsi", prog]))
        if have("tinyscheme"):
            sides.append(Side("tinyscheme", ["tinyscheme", prog]))
        if have("guile"):
            warm = Side("guile compiled", ["guile", "--auto-compile", prog], env_warm)
            run(warm.cmd, env=env_warm)  # compiles into the warm cache, untimed
            sides.append(warm)
        expected = None
        for i in range(runs):
            log(f"scheme {name}: run {i + 1}/{runs}")
            for side in sides:
                # tinyscheme is an order of magnitude slower: measured once.
                if side.label == "tinyscheme" and side.runs > 0:
                    continue
                r = side.measure()
                if expected is None:
                    expected = r.stdout
                elif r.stdout != expected or r.status != 0:
                    ok = False
                    log(f"scheme {name}: {side.label} printed {r.stdout!r} (status {r.status}), "
                        f"expected {expected!r}")
        rows.append((name, sides))
    if rows:
        labels = [s.label for s in rows[0][1]]
        print(f"### The Scheme interpreter (examples/scheme) against other Schemes (best of {runs}, "
              "wall clock; CPU time in parentheses)\n")
        print(f"`seam build-core` of the interpreter took {t_core:.2f} s; `seam build-ext`: "
              + ", ".join(f"`{e}` {t:.2f} s" for e, t in t_ext.items())
              + ". `guile` is Guile's evaluator (`--no-auto-compile`, empty `XDG_CACHE_HOME`), "
              "`guile compiled` runs the `.go` it compiled in a warm cache; tinyscheme ran once.\n")
        print("| program | " + " | ".join(labels) + " | guile / seam | scm / seam | compiled guile / seam |")
        print("|---|" + "---:|" * (len(labels) + 3))
        for name, sides in rows:
            by = {s.label: s for s in sides}
            seam_s = by["seam"]

            def ratio(label: str) -> str:
                s = by.get(label)
                return f"{s.best / seam_s.best:.2f}×" if s else "–"
            cells = [f"{s.best:.2f} ({s.best_cpu:.2f})" for s in sides]
            print(f"| `{name}` | " + " | ".join(cells)
                  + f" | **{ratio('guile')}** | {ratio('scm')} | {ratio('guile compiled')} |")
        print()
    if selected(only, "vectors", ("scheme",)):
        prog = os.path.join(BENCH, "scheme", "vectors.scm")
        dyn = Side("seam, vectors.so", [core, prog])
        stat = Side("seam, vectors linked in", [os.path.join(d, "static", "scheme"), prog])
        sides = [dyn, stat]
        if have("guile"):
            sides.append(Side("guile", ["guile", "--no-auto-compile", guile_file("vectors")], env_empty))
        outputs = set()
        for i in range(runs):
            log(f"scheme vectors: run {i + 1}/{runs}")
            for side in sides:
                # The .so is opened relative to the current directory: run where ext/ is.
                r = run(["sh", "-c", 'cd "$1" && shift && exec "$@"', "sh", os.path.join(d, "dyn"), *side.cmd],
                        env=side.env)
                side.best = min(side.best, r.seconds)
                side.best_cpu = min(side.best_cpu, r.cpu_seconds)
                side.runs += 1
                outputs.add((r.stdout, r.status))
        if len(outputs) != 1:
            ok = False
            log(f"scheme vectors: outputs differ: {outputs!r}")
        print(f"### The seam on real code: vectors from a .so against vectors linked in (best of {runs})\n")
        print("| program | " + " | ".join(s.label for s in sides) + " | .so / linked in |")
        print("|---|" + "---:|" * (len(sides) + 1))
        print("| `vectors` | " + " | ".join(f"{s.best:.3f} ({s.best_cpu:.3f})" for s in sides)
              + f" | **{dyn.best / stat.best:.3f}×** (CPU {dyn.best_cpu / stat.best_cpu:.3f}×) |\n")
    if selected(only, "bignums", ("scheme",)):
        # Arithmetic done by the bignums module (loaded from its .so) against the
        # big integers built into the other Schemes (GMP's, in Guile's case).
        prog = os.path.join(BENCH, "scheme", "bignums.scm")
        other = guile_file("bignums")
        sides = [Side("seam, bignums.so", [core, prog])]
        if have("guile"):
            sides.append(Side("guile", ["guile", "--no-auto-compile", other], env_empty))
        if have("scm"):
            sides.append(Side("scm", ["scm", "-f", other]))
        if have("gsi"):
            sides.append(Side("gsi", ["gsi", other]))
        if have("guile"):
            warm = Side("guile compiled", ["guile", "--auto-compile", other], env_warm)
            run(warm.cmd, env=env_warm)  # compiles into the warm cache, untimed
            sides.append(warm)
        outputs = set()
        for i in range(runs):
            log(f"scheme bignums: run {i + 1}/{runs}")
            for side in sides:
                r = run(["sh", "-c", 'cd "$1" && shift && exec "$@"', "sh", os.path.join(d, "dyn"), *side.cmd],
                        env=side.env)
                side.best = min(side.best, r.seconds)
                side.best_cpu = min(side.best_cpu, r.cpu_seconds)
                side.runs += 1
                outputs.add((r.stdout, r.status))
        if len(outputs) != 1:
            ok = False
            log(f"scheme bignums: outputs differ: {outputs!r}")
        guile = next((s for s in sides if s.label == "guile"), None)
        print(f"### Bignums: `bench/scheme/bignums.scm`, 200 times 1000! (best of {runs})\n")
        print("| program | " + " | ".join(s.label for s in sides) + " | guile / seam |")
        print("|---|" + "---:|" * (len(sides) + 1))
        ratio = f"**{guile.best / sides[0].best:.2f}×**" if guile else "–"
        print("| `bignums` | " + " | ".join(f"{s.best:.3f} ({s.best_cpu:.3f})" for s in sides)
              + f" | {ratio} |\n")
    if selected(only, "loop", ("scheme",)):
        prog = os.path.join(BENCH, "scheme", "loop.scm")
        r = must(run([core, prog]), "scheme loop")
        line = f"Ten million tail calls (`bench/scheme/loop.scm`): {r.seconds:.2f} s, peak RSS **{mb(r.max_rss_kb)} MB**"
        if have("guile"):
            g = run(["guile", "--no-auto-compile", prog], env=env_empty)
            line += f" (Guile's evaluator: {g.seconds:.2f} s, {mb(g.max_rss_kb)} MB)"
        print(line + ".\n")
    shutil.rmtree(empty_cache, ignore_errors=True)
    shutil.rmtree(warm_cache, ignore_errors=True)
    return ok


def machine() -> str:
    model = "unknown CPU"
    mem = ""
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as f:
            for line in f:
                if line.startswith("model name"):
                    model = line.split(":", 1)[1].strip()
                    break
        with open("/proc/meminfo", encoding="utf-8") as f:
            kb = int(f.readline().split()[1])
            mem = f", {kb / 2**20:.0f} GiB RAM"
    except OSError:
        pass
    return f"{platform.machine()}, {os.cpu_count()} CPUs ({model}){mem}"


def main(argv: list[str]) -> int:
    global SEAM
    parser = argparse.ArgumentParser(description="Seam benchmarks (run via bench/run.sh)")
    parser.add_argument("--runs", type=int, default=5, help="runs per measurement; the best counts")
    parser.add_argument("--lines", type=int, default=20000, help="size of the generated program")
    parser.add_argument("--py-budget", type=float, default=12.0,
                        help="seconds of python3 per program after which it is not run again (at least once)")
    parser.add_argument("--skip-throughput", action="store_true")
    parser.add_argument("--seam", default=SEAM,
                        help="the seam binary to measure (libseam_runtime.a must sit beside it)")
    parser.add_argument("only", nargs="*",
                        help="run only these: section names (throughput, programs, objects, ext, scheme) "
                             "or substrings of benchmark names")
    args = parser.parse_args(argv[1:])
    SEAM = os.path.abspath(args.seam)
    if not os.access(SEAM, os.X_OK):
        log(f"bench: {SEAM} is missing: run bench/run.sh, which builds it")
        return 1
    os.makedirs(OUT, exist_ok=True)
    build_measure()
    started = time.perf_counter()
    py_version = subprocess.run([sys.executable, "--version"], capture_output=True, text=True).stdout.strip()
    if SEAM == os.path.join(ROOT, "target", "release", "seam"):
        rev = subprocess.run(["git", "describe", "--always", "--dirty"], capture_output=True, text=True,
                             cwd=ROOT).stdout.strip() or "unknown"
        which = f"seam at {rev} (release build)"
    else:
        which = f"seam binary {SEAM}"
    load = os.getloadavg()
    print(f"## Seam benchmarks, {datetime.date.today().isoformat()}\n")
    print(f"{machine()}, {py_version}, {which}; load average at start {load[0]:.1f}\n")
    print(f"Command: `bench/run.sh {' '.join(argv[1:])}`".rstrip() + "\n")
    ok = True
    if not args.skip_throughput and selected(args.only, "throughput", ("throughput",)):
        ok &= throughput(args.runs, args.lines)
    ok &= programs(args.runs, args.only, args.py_budget)
    for name, section in (("ext_calls", ext_calls), ("ext_dispatch", ext_dispatch), ("ext_alloc", ext_alloc),
                          ("ext_build", ext_build), ("ext_load", ext_load)):
        if selected(args.only, name, ("ext", "extensions")):
            ok &= section(args.runs)
    if selected(args.only, "c_calls", ("c",)):
        ok &= c_calls(args.runs)
    if selected(args.only, "project_build", ("project", "projects", "cache")):
        ok &= project_build(args.runs)
    if selected(args.only, "gc_pauses", ("objects", "gc")):
        ok &= gc_pauses(args.runs)
    if selected(args.only, "scheme", ("scheme",)) or any(
            selected(args.only, n, ("scheme",)) for n in (*SCHEME_PROGRAMS, "vectors", "bignums", "loop")):
        ok &= scheme(args.runs, args.only)
    elapsed = time.perf_counter() - started
    load = os.getloadavg()
    print(f"Done in {elapsed:.0f} s; load average at the end {load[0]:.1f} (1 min), {load[1]:.1f} (5 min).\n")
    log(f"bench: done in {elapsed:.0f} s")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
