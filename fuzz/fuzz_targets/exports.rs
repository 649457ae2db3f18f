//! Fuzz target: the exports reader on arbitrary bytes. When the bytes open
//! (header, index and fingerprint), the whole file is decoded for `seam
//! inspect`'s two dumps, a selection by every name the index might hold is
//! made, and a small extension is checked against the file (the second
//! translation's reader, which must refuse a corrupt or inconsistent item
//! with a diagnostic, never panic).
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use seam_core::diag;
use seam_exports_schema::ExportsIndex;

#[path = "common.rs"]
mod common;

/// An extension naming a few items a core may export; every core module's
/// names it mentions are read.
const EXTENSION: &str = "import main\n\n\ndef hello() -> int:\n    return 1\n";

fuzz_target!(|data: &[u8]| {
    // A mutated body almost never keeps its fingerprint: stamp the one its bytes hash to
    // (bytes 12..44), so that the items behind the index are fuzzed too.
    let restamped: Vec<u8>;
    let data = match ExportsIndex::open(data) {
        Err(seam_exports_schema::DecodeError::FingerprintMismatch { computed, .. }) => {
            let mut bytes = data.to_vec();
            bytes[12..44].copy_from_slice(&computed.0);
            restamped = bytes;
            &restamped[..]
        }
        _ => data,
    };
    let Ok(index) = ExportsIndex::open(data) else {
        return;
    };
    if let Ok(file) = index.decode_all() {
        let _ = file.describe();
        let _ = file.to_json();
    }
    let _ = index.select(["main.hello", "main.main", "Exception"]);
    let loader = common::MemLoader::one("ext.py", EXTENSION);
    common::on_compiler_stack(|| {
        let out = seam_extmod::check(Path::new("ext.py"), &index, "core.exports", &loader);
        for d in &out.diagnostics {
            let _ = diag::render(d, &out.sources);
        }
    });
});
