"""What checked integer arithmetic costs on its worst case, `collatz`.

Builds three variants of bench/programs/collatz.py with the release `seam`
and runs them alternately (best CPU time of each, user + system):
  checked    the program as written: `3 * n + 1` and `steps += 1` checked,
             `n % 2` and `n // 2` inline (a mask and a shift);
  wrapping   the same with `seam.intmask` around the two additions (no checks);
  runtime    checked, with the divisor in a global, so `%` and `//` call the
             runtime as every division did before literal divisors were inlined.
Ratios are to `wrapping`. Usage: python3 bench/checked_cost.py [--runs N] [LIMIT]
(run `cargo build --release` first; bench/run.sh does).
"""

import argparse
import pathlib
import resource
import subprocess
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parent.parent
SEAM = ROOT / "target" / "release" / "seam"


def variants(src: str) -> dict[str, str]:
    wrapping = (
        src.replace("            n = 3 * n + 1", "            n = intmask(3 * n + 1)")
        .replace("        steps += 1", "        steps = intmask(steps + 1)")
        .replace("\n\ndef chain_length", "\nfrom seam import intmask\n\n\ndef chain_length", 1)
    )
    runtime = (
        src.replace("\n\ndef chain_length", "\nTWO = 2\n\n\ndef chain_length", 1)
        .replace("n % 2 == 0", "n % TWO == 0")
        .replace("n = n // 2", "n = n // TWO")
    )
    for name, text in (("wrapping", wrapping), ("runtime", runtime)):
        if text == src:
            sys.exit(f"checked_cost: collatz.py changed shape; the {name} variant no longer applies")
    return {"checked": src, "wrapping": wrapping, "runtime": runtime}


def cpu_time(cmd: list[str]) -> tuple[float, str]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    used = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return used, out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("limit", nargs="?", default="400000")
    args = ap.parse_args()
    src = (ROOT / "bench" / "programs" / "collatz.py").read_text()
    with tempfile.TemporaryDirectory() as tmp:
        exes = {}
        for name, text in variants(src).items():
            path = pathlib.Path(tmp) / f"{name}.py"
            path.write_text(text)
            exe = pathlib.Path(tmp) / name
            subprocess.run([str(SEAM), "build-core", str(path), "-o", str(exe)], check=True)
            exes[name] = exe
        best: dict[str, float] = {}
        outputs: dict[str, str] = {}
        for _ in range(args.runs):
            for name, exe in exes.items():
                t, out = cpu_time([str(exe), args.limit])
                best[name] = min(best.get(name, t), t)
                outputs.setdefault(name, out)
        if len(set(outputs.values())) != 1:
            sys.exit(f"checked_cost: the variants disagree: {outputs}")
        print(f"collatz {args.limit}, best of {args.runs} (CPU s), ratio to wrapping:")
        for name in exes:
            print(f"  {name:9} {best[name]:.3f}  {best[name] / best['wrapping']:.2f}x")


if __name__ == "__main__":
    main()
