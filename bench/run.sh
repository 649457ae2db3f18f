#!/usr/bin/env bash
# The Seam benchmarks: builds the release `seam`, then runs bench/run.py
# (translation throughput; translated programs side by side with python3, and with
# plain Rust for the object-model ones; extension call overhead, allocation in an
# extension, build-ext scaling and extension load time; the collector's pauses). Needs rustc (it compiles bench/rust/*.rs and the
# bench/tools/measure.rs launcher); the OCaml twins (bench/ocaml/*.ml) need ocamlopt,
# installed here from Debian's ocaml-nox when missing (skipped if apt cannot). About 4 minutes on 2 cores.
# Arguments go to run.py: --runs N, --lines N, --py-budget S, --skip-throughput,
# and filters: section names (throughput, programs, objects, ext, scheme) or substrings of
# benchmark names (fib, binary_trees, ext_calls, ext_alloc, ext_build, ext_load, c_calls, gc_pauses,
# tak, primes, vectors, loop). The scheme section also runs guile, scm, gsi and tinyscheme when installed.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v ocamlopt >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1; then
    echo "+ apt-get install -y ocaml-nox" >&2
    if [ "$(id -u)" = 0 ]; then apt_get=(apt-get); else apt_get=(sudo -n apt-get); fi
    DEBIAN_FRONTEND=noninteractive "${apt_get[@]}" install -y -q ocaml-nox >&2 \
        || echo "run.sh: ocaml-nox could not be installed; the OCaml twins are skipped" >&2
fi
echo "+ cargo build --release" >&2
cargo build --release
echo "+ python3 bench/run.py $*" >&2
exec python3 bench/run.py "$@"
