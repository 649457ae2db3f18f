//! The second translation: an extension module compiled against a core's
//! exports file (and the exports files of extensions it builds on), never
//! their sources.
//!
//! ```text
//!   ext.py + core.exports [+ layer.exports...] ──check_extension (SecondTranslation's rules)──▶
//!       tir::Program (core and layer items imported) ──build_exports──▶ ext.exports
//!                                                    ──codegen──▶ PIC object ──(driver: ld)──▶ ext.so
//! ```
//!
//! This crate is the second phase's policy: it refuses an exports file built
//! for another target, checks the extension against the interface the files
//! describe under its own rules ([`SecondTranslation`]: the entry point, the
//! default slack of exported classes, what to say of a name no file offers),
//! describes what the extension exports, and produces the object; the front
//! end and backend are the shared translator's ([`seam_core`]). Its cost
//! grows with the extension, not with the core: the exports files are opened
//! once and only the names the extension uses are decoded. It does no I/O of
//! its own (sources come through a [`SourceLoader`]) and knows nothing of the
//! loader that will map the result.

#![forbid(unsafe_code)]

mod rules;

pub use rules::{EXTENSION_DEFAULT_SLACK, SecondTranslation};

use std::fmt;
use std::path::Path;

use seam_core::codegen::{self, CodegenConfig, CodegenError};
use seam_core::frontend::{self, CheckOutput, CoreInterface, Layer, SourceLoader};
use seam_exports_schema::{ExportsFile, ExportsIndex};

/// A translated extension module.
#[derive(Debug)]
pub struct ExtensionObject {
    /// The extension's name (its file stem): `load_extension` finds it by this.
    pub name: String,
    /// The relocatable, position-independent object file.
    pub object: Vec<u8>,
    /// Its exports file: what it exports to the extensions built on it, and
    /// the fingerprints of what it was built against (sealed).
    pub exports: ExportsFile,
    /// The source files it was translated from, as the loader was asked for them.
    pub sources: Vec<String>,
    /// The C code its modules declared (`seam.c_library`), for the build to
    /// compile and link with the object.
    pub c_libraries: Vec<seam_core::tir::CLibrary>,
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
    /// Its exports could not be described (one message per problem).
    Exports(Vec<String>),
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
            ExtError::Exports(problems) => write!(f, "{}", problems.join("; ")),
        }
    }
}

/// Checks the extension `ext` against `core` (read from `core_path`, named in
/// diagnostics) and the exports files of the extensions in `layers`, of which
/// it may build on those whose name its source mentions.
pub fn check(
    ext: &Path,
    core: &ExportsIndex<'_>,
    core_path: &str,
    layers: &[Layer<'_>],
    loader: &dyn SourceLoader,
) -> CheckOutput {
    frontend::check_extension(
        ext,
        CoreInterface {
            exports: core,
            path: core_path,
            layers,
            rules: &SecondTranslation,
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
    layers: &[Layer<'_>],
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
    let out = check(ext, core, core_path, layers, loader);
    if !out.diagnostics.is_empty() {
        return Err(ExtError::Diagnostics(Box::new(out)));
    }
    let sources = out
        .sources
        .files()
        .map(|f| out.sources.path(f).to_string())
        .collect();
    let mut program = out.program.expect("no diagnostics means a program");
    let exports =
        seam_core::exports::build_exports(&program, core.target()).map_err(ExtError::Exports)?;
    let ext_info = program
        .extension
        .as_mut()
        .expect("an extension's program says it is one");
    ext_info.provides = Some(exports.fingerprint.to_string());
    let name = ext_info.name.clone();
    // A shared object is mapped by Seam's loader, which writes the class bounds
    // into its code; an object linked into a core keeps reading them.
    let config = CodegenConfig {
        entry_symbol: shared,
        class_bounds_at_load: shared,
        ..CodegenConfig::default()
    };
    let object = codegen::emit_object(&program, &config).map_err(ExtError::Codegen)?;
    Ok(ExtensionObject {
        name,
        object,
        exports,
        sources,
        c_libraries: program.c_libraries,
    })
}

#[cfg(test)]
mod tests;
