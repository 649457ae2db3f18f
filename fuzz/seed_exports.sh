#!/usr/bin/env bash
# Seeds the exports target's corpus (the directory given): the exports file of
# every core under tests/ext and tests/exports, built with the `seam` binary,
# and the malformed files under tests/exports/bad.
set -euo pipefail
out=${1:?usage: fuzz/seed_exports.sh CORPUS_DIR}
root=$(cd "$(dirname "$0")/.." && pwd)
# `--workspace`: linking a core needs the runtime staticlib, which only a workspace build makes.
(cd "$root" && cargo build --workspace)
seam="$root/target/debug/seam"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for main in "$root"/tests/ext/*/main.py "$root"/tests/exports/*/main.py; do
    name=$(basename "$(dirname "$main")")
    if (cd "$(dirname "$main")" && "$seam" build-core main.py -o "$tmp/$name") >/dev/null 2>&1; then
        cp "$tmp/$name.exports" "$out/seed_$name.exports"
    else
        echo "seed_exports: $main did not build; skipped" >&2
    fi
done
for bad in "$root"/tests/exports/bad/*.exports; do
    cp "$bad" "$out/seed_bad_$(basename "$bad")"
done
