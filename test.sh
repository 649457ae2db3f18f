#!/usr/bin/env bash
# Runs every test. `cargo build` first: the corpus harness links translated
# programs against target/debug/libseam_runtime.a, a staticlib that
# `cargo test` builds only for its own unit tests and never places there.
set -euo pipefail
cd "$(dirname "$0")"
cargo build --workspace
cargo test --workspace
