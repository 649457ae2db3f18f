#!/usr/bin/env bash
# Coverage-guided fuzzing with libFuzzer (libfuzzer-sys) on stable Rust.
#
#   fuzz/run.sh TARGET SECONDS [LIBFUZZER_OPTION...]
#
# TARGET is `frontend`, `exports` or `codegen` (fuzz/fuzz_targets/). Builds the
# target with coverage instrumentation (no sanitizer), seeds its corpus from
# tests/ on first use (fuzz/corpus/TARGET, kept between runs, not committed),
# and runs one fuzzing process under `nice -n 10` for SECONDS. Crashing inputs
# land in fuzz/artifacts/TARGET/; the log in fuzz/logs/. Needs a C++ compiler
# (libFuzzer is C++): `apt-get install g++` where it is missing.
#
#   fuzz/run.sh TARGET repro FILE     runs one input (a finding) and exits
set -euo pipefail
cd "$(dirname "$0")"
fuzz_dir=$(pwd)
root=$(cd .. && pwd)

target=${1:?usage: fuzz/run.sh frontend|exports|codegen SECONDS|repro FILE}
mode=${2:?usage: fuzz/run.sh TARGET SECONDS|repro FILE}
shift 2
case "$target" in
frontend | exports | codegen) ;;
*)
    echo "fuzz/run.sh: unknown target $target (frontend, exports, codegen)" >&2
    exit 2
    ;;
esac
command -v c++ >/dev/null || {
    echo "fuzz/run.sh: needs a C++ compiler for libFuzzer (apt-get install g++)" >&2
    exit 2
}

host=$(rustc -vV | sed -n 's/^host: //p')
# What cargo-fuzz passes, less the sanitizer: SanitizerCoverage's inline
# 8-bit counters, PC table and comparison tracing are what libFuzzer reads.
# `--target` keeps build scripts and proc macros uninstrumented.
export RUSTFLAGS="-Cpasses=sancov-module \
-Cllvm-args=-sanitizer-coverage-level=4 \
-Cllvm-args=-sanitizer-coverage-inline-8bit-counters \
-Cllvm-args=-sanitizer-coverage-pc-table \
-Cllvm-args=-sanitizer-coverage-trace-compares \
--cfg fuzzing -Cdebug-assertions -Coverflow-checks"
cargo build --release --target "$host" --bin "$target"
bin="$fuzz_dir/target/$host/release/$target"

if [ "$mode" = repro ]; then
    exec "$bin" -runs=1 "$@"
fi

corpus="$fuzz_dir/corpus/$target"
artifacts="$fuzz_dir/artifacts/$target"
mkdir -p "$corpus" "$artifacts" "$fuzz_dir/logs"
if [ -z "$(ls -A "$corpus")" ]; then
    echo "seeding $corpus from tests/" >&2
    case "$target" in
    frontend | codegen)
        find "$root/tests" -name '*.py' | while read -r f; do
            cp "$f" "$corpus/seed_$(echo "${f#"$root"/tests/}" | tr / _)"
        done
        ;;
    exports)
        "$fuzz_dir/seed_exports.sh" "$corpus"
        ;;
    esac
fi

log="$fuzz_dir/logs/$target-$(date -u +%Y%m%dT%H%M%SZ).log"
echo "fuzzing $target for $mode s; log: $log" >&2
# -rss_limit_mb: the checker's thread reserves a 256 MiB stack per input.
# -max_len: programs and exports files of up to 64 KiB.
set +e
nice -n 10 "$bin" "$corpus" \
    -artifact_prefix="$artifacts/" \
    -max_total_time="$mode" \
    -max_len=65536 \
    -timeout=20 \
    -rss_limit_mb=4096 \
    -print_final_stats=1 \
    "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e
echo "exit status $status; findings (if any) in $artifacts" >&2
exit "$status"
