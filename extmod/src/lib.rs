//! The second translation: an extension module compiled against a core's
//! exports file, never its sources.
//!
//! ```text
//!   ext.py + core.exports ──check_extension──▶ tir::Program (core items imported)
//!                          ──codegen──▶ PIC object ──(driver: cc -shared)──▶ ext.so
//! ```
//!
//! This crate is the second phase's policy: it refuses an exports file built
//! for another target, checks the extension against the core interface the
//! file describes, and produces the object; the front end and backend are
//! the shared translator's ([`seam_core`]). Its cost grows with the
//! extension, not with the core: the exports file is decoded once and only
//! the names the extension imports are ever looked at again. It does no I/O
//! of its own (sources come through a [`SourceLoader`]) and knows nothing of
//! the loader that will `dlopen` the result.

#![forbid(unsafe_code)]

use std::fmt;
use std::path::Path;

use seam_core::codegen::{self, CodegenConfig, CodegenError};
use seam_core::frontend::{self, CheckOutput, CoreInterface, SourceLoader};
use seam_exports_schema::ExportsIndex;

/// A translated extension module.
#[derive(Debug)]
pub struct ExtensionObject {
    /// The extension's name (its file stem): `load_extension` finds it by this.
    pub name: String,
    /// The relocatable, position-independent object file.
    pub object: Vec<u8>,
}

/// Why an extension could not be translated.
#[derive(Debug)]
pub enum ExtError {
    /// The exports file describes a core for another target.
    WrongTarget { core: String, host: String },
    /// The extension has errors; the output holds the diagnostics and their sources.
    Diagnostics(Box<CheckOutput>),
    /// Code generation failed (a bug in the translator or an implementation limit).
    Codegen(CodegenError),
}

impl fmt::Display for ExtError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ExtError::WrongTarget { core, host } => write!(
                f,
                "the core was built for {core}, but this seam translates for {host}"
            ),
            ExtError::Diagnostics(out) => {
                write!(f, "{} error(s) in the extension", out.diagnostics.len())
            }
            ExtError::Codegen(e) => write!(f, "{e}"),
        }
    }
}

/// Checks the extension `ext` against `core` (read from `core_path`, named in diagnostics).
pub fn check(
    ext: &Path,
    core: &ExportsIndex<'_>,
    core_path: &str,
    loader: &dyn SourceLoader,
) -> CheckOutput {
    frontend::check_extension(
        ext,
        CoreInterface {
            exports: core,
            path: core_path,
        },
        loader,
    )
}

/// Translates the extension `ext` against `core` for the target the exports file names.
/// `shared`: the object is for a shared object (`seam build-ext`), which then
/// defines the dynamic symbol `init_module`; otherwise it is linked into a core.
pub fn translate(
    ext: &Path,
    core: &ExportsIndex<'_>,
    core_path: &str,
    host: &str,
    loader: &dyn SourceLoader,
    shared: bool,
) -> Result<ExtensionObject, ExtError> {
    if core.target() != host {
        return Err(ExtError::WrongTarget {
            core: core.target().to_string(),
            host: host.to_string(),
        });
    }
    let out = check(ext, core, core_path, loader);
    if !out.diagnostics.is_empty() {
        return Err(ExtError::Diagnostics(Box::new(out)));
    }
    let program = out.program.expect("no diagnostics means a program");
    let ext_info = program
        .extension
        .as_ref()
        .expect("an extension's program says it is one");
    let name = ext_info.name.clone();
    let config = CodegenConfig {
        entry_symbol: shared,
        ..CodegenConfig::default()
    };
    let object = codegen::emit_object(&program, &config).map_err(ExtError::Codegen)?;
    Ok(ExtensionObject { name, object })
}

#[cfg(test)]
mod tests;
