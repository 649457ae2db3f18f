//! Fuzz target: the exports decoder on arbitrary bytes. When the bytes
//! decode, `seam inspect`'s two dumps are made and a small extension is
//! checked against the file (the second translation's reader, which must
//! refuse an inconsistent file with a diagnostic, never panic).
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use seam_core::diag;

#[path = "common.rs"]
mod common;

/// An extension that touches the core only through the exports file's
/// consistency check (every core module is imported by that check).
const EXTENSION: &str = "import main\n\n\ndef hello() -> int:\n    return 1\n";

fuzz_target!(|data: &[u8]| {
    let Ok(file) = seam_exports_schema::decode(data) else {
        return;
    };
    let _ = file.describe();
    let _ = file.to_json();
    let loader = common::MemLoader::one("ext.py", EXTENSION);
    common::on_compiler_stack(|| {
        let out = seam_extmod::check(Path::new("ext.py"), &file, "core.exports", &loader);
        for d in &out.diagnostics {
            let _ = diag::render(d, &out.sources);
        }
    });
});
