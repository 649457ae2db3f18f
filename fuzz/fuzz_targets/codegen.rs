//! Fuzz target: programs the checker accepts are translated to an object file
//! for the host. A Cranelift verifier error or a panic is a finding; a
//! program the checker accepted must translate.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use seam_core::{codegen, frontend};

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let Ok(source) = std::str::from_utf8(data) else {
        return;
    };
    let loader = common::MemLoader::one("main.py", source);
    common::on_compiler_stack(|| {
        let out = frontend::check_program(Path::new("main.py"), &loader);
        let Some(program) = out.program else {
            return;
        };
        if let Err(e) = codegen::emit_object(&program, &codegen::CodegenConfig::default()) {
            panic!("an accepted program failed to translate: {e:?}");
        }
    });
});
