#!/usr/bin/env bash
# The Seam benchmarks: builds the release `seam`, then runs bench/run.py
# (translation throughput, and translated programs side by side with python3).
# Arguments go to run.py: --runs N, --lines N, --skip-throughput, program-name filters.
set -euo pipefail
cd "$(dirname "$0")/.."
echo "+ cargo build --release" >&2
cargo build --release
echo "+ python3 bench/run.py $*" >&2
exec python3 bench/run.py "$@"
