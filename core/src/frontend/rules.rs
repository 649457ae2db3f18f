//! The second translation's rules, as the front end asks them.
//!
//! The front end checks a core and an extension with the same passes; where
//! an extension is held to rules of its own, the passes ask an
//! [`ExtensionRules`], which the second translation supplies
//! (`seam_extmod::SecondTranslation`): the ids its exported classes reserve,
//! what its entry point must look like, and what to tell a user who names
//! what the exports files do not offer. The front end only gathers the facts
//! (what the module binds as `init_module`, which exports file describes a
//! module) and reports what the rules answer.

use crate::tir::ClassId;

/// The rules an extension is checked under, beyond the passes it shares with a core.
pub trait ExtensionRules: std::fmt::Debug {
    /// The ids an exported class of the extension reserves for the subclasses
    /// of later extensions, unless `@export(slack=N)` says otherwise.
    fn default_slack(&self) -> u32;

    /// Whether `found` may be the extension's entry point; `Err` is the
    /// message to report at it (or at the module, when it is missing).
    /// `Ok(class)` is the class whose instances `init_module` takes.
    fn entry_point(&self, found: &EntryPoint) -> Result<ClassId, String>;

    /// The message for `import NAME` of a module no exports file describes;
    /// `core_exports` names the core's exports file.
    fn unknown_module(&self, name: &str, core_exports: &str) -> String;

    /// The message for `module.name` (or `from module import name`) where the
    /// exports file describing `module` does not offer `name` as `item`.
    fn not_exported(&self, item: Item, name: &str, module: &Provider<'_>) -> String;

    /// The message for `from module import NAME` of an exported global,
    /// which would copy its value.
    fn global_by_value(&self, name: &str, module: &str) -> String;
}

/// What the extension's module binds as `init_module`.
#[derive(Clone, Debug)]
pub enum EntryPoint {
    /// Nothing, or something other than a function.
    Missing,
    /// A function: its parameters and whether it returns `None`.
    Function {
        params: Vec<EntryParam>,
        returns_none: bool,
    },
}

/// A parameter of the function bound as `init_module`.
#[derive(Clone, Debug)]
pub struct EntryParam {
    /// The class of its annotated type, when that is a class the exports
    /// files describe (the core's or an earlier extension's).
    pub imported_class: Option<ClassId>,
}

/// What a name was looked up as.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Item {
    /// Any name (`from module import name`).
    Name,
    /// A function (`module.f(...)`).
    Function,
    /// A global (`module.g = ...`).
    Global,
}

/// The exports file that describes a module an extension imports.
#[derive(Clone, Copy, Debug)]
pub struct Provider<'a> {
    /// The module's name.
    pub module: &'a str,
    /// The exports file, as diagnostics name it.
    pub exports: &'a str,
    /// The extension whose file it is; `None` for the core's.
    pub extension: Option<&'a str>,
}
