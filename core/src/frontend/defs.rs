//! What the front end knows of a program's modules, functions, globals and
//! classes as it declares them, and of what a second translation imports:
//! plain data shared by every pass, with no checking in it.

use std::collections::{HashMap, HashSet};

use crate::diag::FileId;
use crate::rt::ExcKind;
use crate::tir::{self, ClassId, FuncId, Type};

/// Index of a module in [`Context::modules`](super::context::Context::modules).
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
    /// `@seam.c_function`: a C function's typed stub (see `cfuncs.rs`).
    CFunction,
    /// `seam.c_library(...)`: a module's C code (see `cfuncs.rs`).
    CLibrary,
    /// `seam.CPointer`: a C handle, an `int` to the translator.
    CPointer,
}

impl SeamName {
    /// The item `seam.NAME` names, for the names whose qualified use the
    /// front end resolves through [`super::context::Context::seam_item`].
    pub(crate) fn from_attr(name: &str) -> Option<SeamName> {
        match name {
            "c_function" => Some(SeamName::CFunction),
            "c_library" => Some(SeamName::CLibrary),
            "CPointer" => Some(SeamName::CPointer),
            _ => None,
        }
    }
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

/// What the front end knows of a class before and while layouts are built.
#[derive(Clone, Debug)]
pub(crate) struct ClassInfo {
    /// `None` for the builtin exception classes.
    pub module: Option<ModId>,
    pub name: String,
    /// Index of the `class` statement in its module's body.
    pub stmt_index: usize,
    pub parent: Option<ClassId>,
    pub slack: u32,
    pub is_final: bool,
    /// Own fields: name, type, where declared.
    pub fields: Vec<(String, Type)>,
    /// Own class-level constants.
    pub constants: HashMap<String, Constant>,
    /// Own methods, `__init__` included.
    pub methods: HashMap<String, FuncId>,
    pub final_methods: HashSet<String>,
    pub builtin: Option<ExcKind>,
    /// Members whose declaration was refused (already reported): uses are silent errors.
    pub bad_members: HashSet<String>,
}

/// A class-level constant.
#[derive(Clone, Debug)]
pub(crate) enum Constant {
    Int(i64),
    Float(f64),
    Bool(bool),
    Str(String),
}

/// What a thunk adapts: a function, or a method looked up on a class's instances;
/// each with the number of arguments its callers pass (the rest are defaults).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub(crate) enum ThunkKey {
    Function(FuncId, usize),
    Method(ClassId, String, usize),
}

/// What the import of an exports file produced, for the extension's `ExtensionInfo`.
#[derive(Debug, Default)]
pub(crate) struct Imported {
    pub functions: Vec<FuncId>,
    pub classes: Vec<ClassId>,
    pub globals: Vec<tir::GlobalId>,
    /// Classes laid out by the core, as recorded.
    pub prebuilt: HashMap<ClassId, tir::Class>,
    /// The exported modules by name.
    pub modules: HashSet<String>,
    /// The extensions built on, with their exports' fingerprints (hex).
    pub depends: Vec<(String, String)>,
}

/// How a parameter of a builtin may be passed: CPython's `/` and `*` markers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Pass {
    /// Before `/`: by position only (`d.get(key=k)` is a `TypeError` in CPython).
    Position,
    /// By position or by keyword, as every parameter of a Seam function.
    Either,
    /// After `*`: by keyword only (`sorted(xs, True)` is a `TypeError` in CPython).
    Keyword,
}

/// One parameter of a call's target, for matching arguments to it.
#[derive(Clone, Copy, Debug)]
pub(super) struct Slot<'a> {
    pub(super) name: &'a str,
    pub(super) required: bool,
    pub(super) pass: Pass,
}

impl<'a> Slot<'a> {
    /// A parameter of a Seam function or constructor.
    pub(super) const fn param(name: &'a str, required: bool) -> Self {
        Slot {
            name,
            required,
            pass: Pass::Either,
        }
    }
    /// A required positional-only parameter.
    pub(super) const fn pos(name: &'a str) -> Self {
        Slot {
            name,
            required: true,
            pass: Pass::Position,
        }
    }
    /// An optional positional-only parameter.
    pub(super) const fn pos_opt(name: &'a str) -> Self {
        Slot {
            name,
            required: false,
            pass: Pass::Position,
        }
    }
    /// A required parameter passed either way.
    pub(super) const fn arg(name: &'a str) -> Self {
        Slot {
            name,
            required: true,
            pass: Pass::Either,
        }
    }
    /// An optional parameter passed either way.
    pub(super) const fn arg_opt(name: &'a str) -> Self {
        Slot {
            name,
            required: false,
            pass: Pass::Either,
        }
    }
    /// An optional keyword-only parameter.
    pub(super) const fn kw_opt(name: &'a str) -> Self {
        Slot {
            name,
            required: false,
            pass: Pass::Keyword,
        }
    }
}
