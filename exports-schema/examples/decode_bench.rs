//! How long reading a large exports file takes: 4000 functions, 200 classes.
//!
//! `cargo run --release -p seam-exports-schema --example decode_bench`
//!
//! Prints the file size and the median and best of several runs of: opening
//! it ([`ExportsIndex::open`]: header, index, fingerprint over the raw body),
//! what the second translation reads for a small extension (opening, then
//! selecting five names and what they need), the full [`decode`] (`seam
//! inspect`), and the fingerprint alone.

#[path = "../tests/support/mod.rs"]
mod support;

use std::time::{Duration, Instant};

use seam_exports_schema::{ExportsIndex, decode};

const RUNS: usize = 51;

fn main() {
    let file = support::synthetic(4000, 200);
    let bytes = file.encode();
    let open_time = median(|| {
        let index = ExportsIndex::open(&bytes).expect("the synthetic file opens");
        std::hint::black_box(index);
    });
    let names = ["m0.f0", "m1.f1", "m2.f2", "m0.C5", "m3.C33"];
    let select_time = median(|| {
        let index = ExportsIndex::open(&bytes).expect("the synthetic file opens");
        let selected = index.select(names).expect("the names select");
        std::hint::black_box(selected);
    });
    let decode_time = median(|| {
        let decoded = decode(&bytes).expect("the synthetic file decodes");
        std::hint::black_box(decoded);
    });
    let fingerprint_time = median(|| {
        std::hint::black_box(file.compute_fingerprint());
    });
    println!(
        "exports file: {} functions, {} classes, {} bytes",
        file.functions.len(),
        file.classes.len(),
        bytes.len()
    );
    for (what, (median, best)) in [
        ("open (header, index, fingerprint)", open_time),
        ("open, then select 5 names", select_time),
        ("decode everything, all checks", decode_time),
        ("compute the fingerprint (encode, hash)", fingerprint_time),
    ] {
        println!(
            "{what}: median {:.3} ms, best {:.3} ms",
            ms(median),
            ms(best)
        );
    }
}

/// The median and the best of [`RUNS`] runs.
fn median(mut f: impl FnMut()) -> (Duration, Duration) {
    let mut times: Vec<Duration> = (0..RUNS)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed()
        })
        .collect();
    times.sort();
    (times[RUNS / 2], times[0])
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}
