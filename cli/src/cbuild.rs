//! C code declared by Seam modules (`seam.c_library(...)`): the one place that
//! knows how C is compiled and linked for Seam, so that `build-core`,
//! `build-ext`, `seam py`'s shim and `seam flags` (and through it out-of-tree
//! Makefiles) all use the same compiler and flags.

use std::collections::BTreeMap;
use std::path::PathBuf;

/// Per-project changes to what modules declare about their C code: from the
/// manifest (`[c]` for every module, `[modules.NAME.c]` for one) and the
/// command line. Directories and flags are searched or applied *before* the
/// module's own (a library installed in another prefix is found first);
/// `libraries`, when given, replaces the module's list (a library named
/// differently on another system).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct COverrides {
    pub include_dirs: Vec<PathBuf>,
    pub library_dirs: Vec<PathBuf>,
    pub libraries: Option<Vec<String>>,
    pub cflags: Vec<String>,
    pub ldflags: Vec<String>,
}

/// The overrides of a whole build: those for every module, then those for one
/// module by name (its file stem), applied after.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CConfig {
    pub all: COverrides,
    pub modules: BTreeMap<String, COverrides>,
}
