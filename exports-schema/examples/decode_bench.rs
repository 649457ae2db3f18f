//! How long decoding a large exports file takes: 4000 functions, 200 classes.
//!
//! `cargo run --release -p seam-exports-schema --example decode_bench`
//!
//! Prints the file size and the median and best of several runs of the full
//! [`decode`] (header, bincode payload, consistency checks, fingerprint
//! check), and of the fingerprint alone, which is most of it.

#[path = "../tests/support/mod.rs"]
mod support;

use std::time::{Duration, Instant};

use seam_exports_schema::decode;

const RUNS: usize = 51;

fn main() {
    let file = support::synthetic(4000, 200);
    let bytes = file.encode();
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
    println!(
        "decode, all checks: median {:.2} ms, best {:.2} ms",
        ms(decode_time.0),
        ms(decode_time.1)
    );
    println!(
        "  of which the fingerprint: median {:.2} ms, best {:.2} ms",
        ms(fingerprint_time.0),
        ms(fingerprint_time.1)
    );
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
