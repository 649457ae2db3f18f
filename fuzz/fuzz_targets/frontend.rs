//! Fuzz target: the front end (parse, check, lower) on arbitrary UTF-8 as
//! `main.py`. It must answer with a program or diagnostics, never panic, and
//! never overflow the translator's stack.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use seam_core::{diag, frontend};

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let Ok(source) = std::str::from_utf8(data) else {
        return;
    };
    let loader = common::MemLoader::one("main.py", source);
    common::on_compiler_stack(|| {
        let out = frontend::check_program(Path::new("main.py"), &loader);
        // Rendering points into the sources: it must not panic either.
        for d in &out.diagnostics {
            let _ = diag::render(d, &out.sources);
        }
    });
});
