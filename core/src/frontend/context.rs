//! The state of one front-end run, [`Context`]: the loader sources are read
//! through, the sources and diagnostics, the modules, the program being
//! built, and what is known of its functions, globals and classes. Every
//! pass adds its methods to `Context` in its own module; this one holds only
//! the state and reporting.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use super::defs::{ClassInfo, FuncSig, GlobalInfo, Imported, ModId, Module, ThunkKey};
use super::rules::{ExtensionRules, Item, Provider};
use crate::diag::{Diagnostic, FileId, SourceMap};
use crate::tir;

/// How the front end reads source files; the command line provides the real file system.
pub trait SourceLoader {
    /// The file's text, or `None` when it does not exist or cannot be read as UTF-8.
    fn read_file(&self, path: &Path) -> Option<String>;
    /// Whether `path` is a directory (a package).
    fn is_dir(&self, path: &Path) -> bool;
}

/// The state of one `check_program` run.
pub(crate) struct Context<'a> {
    pub loader: &'a dyn SourceLoader,
    pub sources: SourceMap,
    pub diagnostics: Vec<Diagnostic>,
    /// The entry module's directory: module paths resolve against it.
    pub root: PathBuf,
    pub modules: Vec<Module>,
    pub module_index: HashMap<String, ModId>,
    pub program: tir::Program,
    /// Signatures, indexed like `program.functions` for user functions.
    pub func_sigs: Vec<Option<FuncSig>>,
    pub global_info: Vec<GlobalInfo>,
    /// Globals whose type could not be decided (a diagnostic said why): their
    /// uses are errors already reported, not new ones.
    pub untyped_globals: HashSet<tir::GlobalId>,
    /// Every class, the builtin exception classes first (indexed by [`tir::ClassId`]).
    pub classes: Vec<ClassInfo>,
    /// Where each method's `def` is: its class, the class statement and the method's index in the class body.
    pub method_locs: HashMap<tir::FuncId, (tir::ClassId, usize, usize)>,
    /// For a second translation: what came from the core's exports file.
    pub interface: Option<Imported>,
    /// For a second translation: the exports file's path, for diagnostics.
    pub interface_path: Option<String>,
    /// For a second translation: the rules it is held to (see `rules.rs`).
    pub rules: Option<&'a dyn ExtensionRules>,
    /// For a second translation: each imported module's exports file, and the
    /// extension whose file it is (`None`: the core's).
    pub providers: HashMap<String, (String, Option<String>)>,
    /// The thunks function values call through, made on first use (see `callable.rs`).
    pub thunks: HashMap<ThunkKey, tir::FuncId>,
    /// Per module, made on first use: for each set of constants CPython's compiler
    /// turns into a frozenset constant, the element order of its first occurrence
    /// (see `sets.rs`).
    pub constant_sets: HashMap<ModId, HashMap<String, Vec<String>>>,
    /// The C symbols `@c_function` stubs call: the first stub's name and the
    /// signature (one symbol has one).
    pub c_symbols: HashMap<String, (String, String)>,
}

impl Context<'_> {
    /// For a second translation, when `module` comes from an exports file:
    /// the message for a `name` it does not offer as `item`.
    pub(crate) fn not_exported(&self, module: ModId, item: Item, name: &str) -> Option<String> {
        let rules = self.rules?;
        let m = &self.modules[module.0 as usize];
        if m.file.is_some() {
            return None;
        }
        let (exports, extension) = self.providers.get(&m.name)?;
        Some(rules.not_exported(
            item,
            name,
            &Provider {
                module: &m.name,
                exports,
                extension: extension.as_deref(),
            },
        ))
    }

    pub(crate) fn error(
        &mut self,
        file: FileId,
        range: ruff_text_size::TextRange,
        message: impl Into<String>,
    ) {
        self.diagnostics.push(Diagnostic {
            file,
            start: range.start().to_u32(),
            end: range.end().to_u32(),
            message: message.into(),
        });
    }

    pub(crate) fn module(&self, id: ModId) -> &Module {
        &self.modules[id.0 as usize]
    }
}
