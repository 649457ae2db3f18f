//! The rules an extension is held to beyond what it shares with a core: the
//! front end asks them ([`seam_core::frontend::ExtensionRules`]) where an
//! extension differs.

use seam_core::frontend::{EntryPoint, ExtensionRules, Item, Provider};
use seam_core::tir::ClassId;

/// The ids an exported class of an extension reserves for the subclasses of
/// later extensions, unless `@export(slack=N)` says otherwise. Smaller than a
/// core class's 256: the class's whole block (itself, its subclasses in the
/// extension and its slack) comes out of its parent's slack, so with the
/// defaults on both sides a core class holds seven such classes, or an
/// exported extension class with an exported subclass of its own.
pub const EXTENSION_DEFAULT_SLACK: u32 = 32;

/// What an extension's entry point must be, as the messages say it.
const ENTRY_POINT: &str = "def init_module(space: C) -> None, where C is an exported class of the core or of an extension it builds on";

/// The second translation's rules.
#[derive(Clone, Copy, Debug, Default)]
pub struct SecondTranslation;

impl ExtensionRules for SecondTranslation {
    fn default_slack(&self) -> u32 {
        EXTENSION_DEFAULT_SLACK
    }

    fn entry_point(&self, found: &EntryPoint) -> Result<ClassId, String> {
        match found {
            EntryPoint::Missing => Err(format!("an extension module must define '{ENTRY_POINT}'")),
            EntryPoint::Function {
                params,
                returns_none: true,
            } if params.len() == 1 && params[0].imported_class.is_some() => {
                Ok(params[0].imported_class.expect("checked by the guard"))
            }
            EntryPoint::Function { .. } => Err(format!("'init_module' must be '{ENTRY_POINT}'")),
        }
    }

    fn unknown_module(&self, name: &str, core_exports: &str) -> String {
        format!(
            "cannot import '{name}': the core's exports file '{core_exports}' has no module \
             '{name}' (an extension sees only what the core exports, and the extensions whose \
             exports files follow it with --exports)"
        )
    }

    fn not_exported(&self, item: Item, name: &str, module: &Provider<'_>) -> String {
        let (owner, fix_in) = match module.extension {
            None => ("the core".to_string(), "the core".to_string()),
            Some(ext) => (format!("extension '{ext}'"), format!("extension '{ext}'")),
        };
        let (what, fix) = match item {
            Item::Name => ("exported by", "mark it @export"),
            Item::Function => ("an exported function of", "mark it @export"),
            Item::Global => ("an exported global of", "annotate it Exported[T]"),
        };
        format!(
            "'{}.{name}' is not {what} {owner} (see its exports file '{}'; {fix} in {fix_in})",
            module.module, module.exports
        )
    }

    fn global_by_value(&self, name: &str, module: &str) -> String {
        format!(
            "cannot import the exported global '{name}' by value (it would be a copy): use \
             'import {module}' and '{module}.{name}'"
        )
    }
}
