#!/usr/bin/env bash
# Builds the Scheme interpreter core, compiles its modules separately against
# the core's exports file, and runs the demo program, timing each translation.
#
#   examples/scheme/demo.sh [SEAM]     (SEAM defaults to target/release/seam)
#
# Everything is written to target/scheme-demo/.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
seam="${1:-$root/target/release/seam}"
out="$root/target/scheme-demo"
mkdir -p "$out/ext"
cd "$root/examples/scheme"

timed() {
    local what="$1"
    shift
    local start ms
    start=$(date +%s%N)
    "$@"
    ms=$((($(date +%s%N) - start) / 1000000))
    printf '%-44s %4d.%02d s\n' "$what" $((ms / 1000)) $((ms % 1000 / 10))
}

timed "seam build-core main.py (the interpreter)" \
    "$seam" build-core main.py -o "$out/scheme"
for ext in ext/*.py; do
    name="$(basename "$ext" .py)"
    timed "seam build-ext ext/$name.py" \
        "$seam" build-ext "$ext" --exports "$out/scheme.exports" -o "$out/ext/$name.so"
done
echo
cp demo.scm "$out/demo.scm"
cd "$out"
timed "./scheme demo.scm" ./scheme demo.scm
