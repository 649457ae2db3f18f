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
mod calls;
mod cfuncs;
mod checker;
mod classes;
mod classexpr;
mod classplan;
mod collections;
mod context;
mod defs;
mod dunders;
mod excargs;
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
mod methods;
mod modules;
mod narrowing;
mod operators;
mod optional;
mod order;
mod program;
mod pysyntax;
mod rules;
mod scan;
mod sets;
mod stmts;
mod strings;
mod tuples;
mod types;
mod values;

#[cfg(test)]
mod layering;
#[cfg(test)]
mod tests;

use std::collections::{HashMap, HashSet};
use std::path::Path;

use crate::diag::{Diagnostic, SourceMap};
use crate::tir;

use context::Context;
use defs::ModId;

pub use context::SourceLoader;
pub use interface::{CoreInterface, Layer};
pub use modules::MAX_NESTING;
pub use rules::{EntryParam, EntryPoint, ExtensionRules, Item, Provider};

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
    ctx.rules = Some(core.rules);
    let own_name = entry
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    ctx.interface_modules(core, &own_name);
    let program = ctx.run_extension(entry, core);
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
            untyped_globals: HashSet::new(),
            classes: Vec::new(),
            method_locs: HashMap::new(),
            interface: None,
            interface_path: None,
            rules: None,
            providers: HashMap::new(),
            thunks: HashMap::new(),
            constant_sets: HashMap::new(),
            c_symbols: HashMap::new(),
        };
        ctx.init_builtin_classes();
        ctx
    }
}

impl Context<'_> {
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

    /// The passes both translations run, in this order: load, declare, resolve imports and
    /// classes, check signatures, plan the classes, check every body. The entry module, or
    /// `None` when it could not be loaded.
    fn check_through_bodies(&mut self, entry: &Path) -> Option<ModId> {
        let entry_mod = self.load_program(entry)?;
        self.check_after_load(entry_mod);
        Some(entry_mod)
    }

    /// [`Context::check_through_bodies`] once the program is loaded.
    fn check_after_load(&mut self, entry_mod: ModId) {
        self.declare_all();
        self.resolve_imports();
        self.resolve_classes();
        self.check_signatures();
        self.build_classes();
        self.check_bodies_only(entry_mod);
    }

    /// The whole-program checks, once every body checked without error.
    fn check_whole_program(&mut self) {
        if self.diagnostics.is_empty() {
            self.check_field_initialisation();
            self.check_initialisation_order();
        }
    }

    fn run_extension(&mut self, entry: &Path, core: CoreInterface<'_>) -> Option<tir::Program> {
        // The core's items are read once the extension's source is loaded: it says which it uses.
        let entry_mod = self.load_program(entry)?;
        let own_name = self.module(entry_mod).name.clone();
        if let Err(e) = self.import_interface(core, &own_name) {
            let file = self.sources.add(core.path.to_string(), String::new());
            self.error(file, ruff_text_size::TextRange::default(), e);
            return None;
        }
        self.check_after_load(entry_mod);
        self.check_exported_types();
        self.check_whole_program();
        let init = self.find_init_module(entry_mod);
        if !self.diagnostics.is_empty() {
            return None;
        }
        let (init_module, space_class) = init?;
        self.record_param_defaults();
        let imported = self.interface.take().unwrap_or_default();
        let mut program = std::mem::take(&mut self.program);
        let local_classes = (0..program.classes.len() as u32)
            .map(tir::ClassId)
            .filter(|c| !imported.prebuilt.contains_key(c))
            .collect();
        program.extension = Some(tir::ExtensionInfo {
            name: self.module(entry_mod).name.clone(),
            fingerprint: core.exports.fingerprint().to_string(),
            depends: imported.depends,
            provides: None,
            init_module,
            space_class,
            imported_functions: imported.functions,
            imported_classes: imported.classes,
            imported_globals: imported.globals,
            local_classes,
        });
        crate::inline::inline_trivial_initialisers(&mut program);
        crate::analysis::compute_can_raise(&mut program);
        Some(program)
    }

    fn run(&mut self, entry: &Path) -> Option<tir::Program> {
        let entry_mod = self.check_through_bodies(entry)?;
        self.find_main(entry_mod);
        self.check_exported_types();
        self.check_whole_program();
        if self.diagnostics.is_empty() {
            self.record_param_defaults();
            let mut program = std::mem::take(&mut self.program);
            crate::inline::inline_trivial_initialisers(&mut program);
            crate::analysis::compute_can_raise(&mut program);
            Some(program)
        } else {
            None
        }
    }
}
