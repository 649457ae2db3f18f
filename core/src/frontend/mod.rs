//! The front end: Seam Python source to typed IR.
//!
//! ```text
//!  entry.py ──load──▶ modules (parsed with ruff) ──declare──▶ functions, globals, imports
//!           ──signatures──▶ types ──bodies──▶ tir::Program + diagnostics
//! ```
//!
//! It reads files only through [`SourceLoader`], never aborts, and returns
//! every error as a [`Diagnostic`]. It knows nothing of Cranelift: its output
//! is [`crate::tir`].

mod builtins;
mod callable;
mod checker;
mod classes;
mod classexpr;
mod classplan;
mod collections;
mod dunders;
mod exceptions;
mod export_check;
mod exprs;
mod fieldinit;
mod flow;
mod initorder;
mod interface;
mod ints;
mod io;
mod iterplan;
mod loops;
mod modules;
mod narrowing;
mod operators;
mod optional;
mod order;
mod program;
mod pysyntax;
mod scan;
mod sets;
mod stmts;
mod strings;
mod tuples;
mod types;
mod values;

#[cfg(test)]
mod tests;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use crate::diag::{Diagnostic, FileId, SourceMap};
use crate::tir;

pub use interface::CoreInterface;
pub use modules::MAX_NESTING;

/// How the front end reads source files; the command line provides the real file system.
pub trait SourceLoader {
    /// The file's text, or `None` when it does not exist or cannot be read as UTF-8.
    fn read_file(&self, path: &Path) -> Option<String>;
    /// Whether `path` is a directory (a package).
    fn is_dir(&self, path: &Path) -> bool;
}

/// What checking a program produced.
#[derive(Debug)]
pub struct CheckOutput {
    /// The program, when there were no errors.
    pub program: Option<tir::Program>,
    /// Every error, in the order found.
    pub diagnostics: Vec<Diagnostic>,
    /// The sources the diagnostics point into.
    pub sources: SourceMap,
}

/// Checks and lowers a core program whose entry module is `entry`.
///
/// `entry` is printed in diagnostics as given; imported modules are printed
/// relative to it.
pub fn check_program(entry: &Path, loader: &dyn SourceLoader) -> CheckOutput {
    let mut ctx = Context::new(entry, loader);
    let program = ctx.run(entry);
    CheckOutput {
        program,
        diagnostics: ctx.diagnostics,
        sources: ctx.sources,
    }
}

/// Checks and lowers an extension module against a core's exports file.
///
/// Core modules resolve to what the exports file describes, and nothing else:
/// the core's sources are never read.
pub fn check_extension(
    entry: &Path,
    core: CoreInterface<'_>,
    loader: &dyn SourceLoader,
) -> CheckOutput {
    let mut ctx = Context::new(entry, loader);
    ctx.interface_path = Some(core.path.to_string());
    let program = match ctx.import_interface(core) {
        Ok(()) => ctx.run_extension(entry, core),
        Err(e) => {
            let file = ctx.sources.add(core.path.to_string(), String::new());
            ctx.error(
                file,
                ruff_text_size::TextRange::default(),
                format!("the exports file is inconsistent: {e}; rebuild the core"),
            );
            None
        }
    };
    CheckOutput {
        program,
        diagnostics: ctx.diagnostics,
        sources: ctx.sources,
    }
}

impl<'a> Context<'a> {
    fn new(entry: &Path, loader: &'a dyn SourceLoader) -> Context<'a> {
        let mut ctx = Context {
            loader,
            sources: SourceMap::default(),
            diagnostics: Vec::new(),
            root: entry.parent().map(Path::to_path_buf).unwrap_or_default(),
            modules: Vec::new(),
            module_index: HashMap::new(),
            program: tir::Program::default(),
            func_sigs: Vec::new(),
            global_info: Vec::new(),
            classes: Vec::new(),
            method_locs: HashMap::new(),
            interface: None,
            interface_path: None,
            thunks: HashMap::new(),
        };
        ctx.init_builtin_classes();
        ctx
    }
}

/// Index of a module in [`Context::modules`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) struct ModId(pub u32);

/// What a name at module level refers to.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Binding {
    Function(tir::FuncId),
    Class(tir::ClassId),
    Global(tir::GlobalId),
    Module(ModId),
    /// A name from the `seam` module.
    Seam(SeamName),
    /// `typing` itself or `typing.Optional`.
    TypingModule,
    TypingOptional,
    /// `typing.Callable` or `collections.abc.Callable`.
    TypingCallable,
    /// `typing.List`, `Dict`, `Tuple`, `Set`: the builtin generic it aliases (`list`...).
    TypingAlias(&'static str),
    /// `typing.TextIO` and `typing.IO` (which takes `[str]`): text files.
    TypingTextIO,
    TypingIO,
    /// `import sys`: `sys.stdin`, `sys.stdout`, `sys.stderr`, `sys.exit`.
    SysModule,
    /// The `seam` module itself (`import seam`).
    SeamModule,
    /// A name whose import failed (already reported): its uses are silent errors.
    Poisoned,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum SeamName {
    Export,
    Final,
    Exported,
    LoadExtension,
    /// `seam.intmask(expr)`: wrapping arithmetic (see `ints.rs`).
    Intmask,
}

/// A parsed module.
pub(crate) struct Module {
    /// Dotted name: `main`, `pkg.mod`.
    pub name: String,
    /// The source file; `None` for a package directory without `__init__.py`.
    pub file: Option<FileId>,
    pub body: Vec<ruff_python_ast::Stmt>,
    /// Module-level names.
    pub scope: HashMap<String, Binding>,
    /// Globals assigned through `global NAME` in some function of this module.
    pub reassigned: std::collections::HashSet<String>,
    /// The file could not be parsed (its error is reported; its body is empty).
    pub unparsed: bool,
}

/// A function's checked signature.
#[derive(Clone, Debug)]
pub(crate) struct FuncSig {
    pub module: ModId,
    pub name: String,
    pub params: Vec<Param>,
    pub ret: tir::Type,
    /// Where the `def` is, for diagnostics.
    pub def_start: u32,
    pub def_end: u32,
    /// Index of the `def` statement in the module body.
    pub stmt_index: usize,
    /// For a method: its class and its index in the class body.
    pub method: Option<(tir::ClassId, usize)>,
    /// Parameters whose annotation was refused (already reported): uses in the body are silent errors.
    pub bad_params: Vec<String>,
}

#[derive(Clone, Debug)]
pub(crate) struct Param {
    pub name: String,
    pub ty: tir::Type,
    /// A literal default value, already lowered.
    pub default: Option<tir::Expr>,
}

/// Per-global facts beyond [`tir::Global`].
#[derive(Clone, Debug)]
pub(crate) struct GlobalInfo {
    pub id: tir::GlobalId,
    pub module: ModId,
    pub name: String,
    /// Index of the defining statement in the module body.
    pub stmt_index: usize,
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
    /// Every class, the builtin exception classes first (indexed by [`tir::ClassId`]).
    pub classes: Vec<classes::ClassInfo>,
    /// Where each method's `def` is: its class, the class statement and the method's index in the class body.
    pub method_locs: HashMap<tir::FuncId, (tir::ClassId, usize, usize)>,
    /// For a second translation: what came from the core's exports file.
    pub interface: Option<interface::Imported>,
    /// For a second translation: the exports file's path, for diagnostics.
    pub interface_path: Option<String>,
    /// The thunks function values call through, made on first use (see `callable.rs`).
    pub thunks: HashMap<callable::ThunkKey, tir::FuncId>,
}

impl Context<'_> {
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

    /// Records every function's literal default values in the program (for the exports file).
    fn record_param_defaults(&mut self) {
        for (i, sig) in self.func_sigs.iter().enumerate() {
            if let Some(sig) = sig
                && sig.params.iter().any(|p| p.default.is_some())
            {
                let defaults = sig.params.iter().map(|p| p.default.clone()).collect();
                self.program
                    .param_defaults
                    .insert(tir::FuncId(i as u32), defaults);
            }
        }
    }

    fn run_extension(&mut self, entry: &Path, core: CoreInterface<'_>) -> Option<tir::Program> {
        let entry_mod = self.load_program(entry)?;
        self.declare_all();
        self.resolve_imports();
        self.resolve_classes();
        self.check_signatures();
        self.build_classes();
        self.check_bodies_only(entry_mod);
        if self.diagnostics.is_empty() {
            self.check_field_initialisation();
            self.check_initialisation_order();
        }
        let init = self.find_init_module(entry_mod);
        if !self.diagnostics.is_empty() {
            return None;
        }
        let (init_module, space_class) = init?;
        let imported = self.interface.take().unwrap_or_default();
        let mut program = std::mem::take(&mut self.program);
        let local_classes = (0..program.classes.len() as u32)
            .map(tir::ClassId)
            .filter(|c| !imported.prebuilt.contains_key(c))
            .collect();
        program.extension = Some(tir::ExtensionInfo {
            name: self.module(entry_mod).name.clone(),
            fingerprint: core.exports.fingerprint.to_string(),
            init_module,
            space_class,
            imported_functions: imported.functions,
            imported_classes: imported.classes,
            imported_globals: imported.globals,
            local_classes,
        });
        crate::analysis::compute_can_raise(&mut program);
        Some(program)
    }

    fn run(&mut self, entry: &Path) -> Option<tir::Program> {
        let entry_mod = self.load_program(entry)?;
        self.declare_all();
        self.resolve_imports();
        self.resolve_classes();
        self.check_signatures();
        self.build_classes();
        self.check_bodies(entry_mod);
        self.check_exported_types();
        if self.diagnostics.is_empty() {
            self.check_field_initialisation();
            self.check_initialisation_order();
        }
        if self.diagnostics.is_empty() {
            self.record_param_defaults();
            let mut program = std::mem::take(&mut self.program);
            crate::analysis::compute_can_raise(&mut program);
            Some(program)
        } else {
            None
        }
    }
}

pub(crate) use seam_abi::symbols::{ItemKind, mangle};
