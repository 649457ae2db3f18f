//! The second translation's view of the core: the items of the exports file
//! that the extension uses, selected from its index and read by
//! [`crate::exports::reader`], turned into the front end's declarations —
//! modules whose functions, classes and globals are defined elsewhere.
//!
//! ```text
//!   ExportsIndex ──modules──▶ one module per exported core module (no source file), before loading
//!   the extension's source ──identifiers──▶ candidate names `module.IDENT` for every core module
//!   ExportsIndex::select(candidates) ──▶ the items named, their ancestors and the classes their
//!                                        types mention ──read_core──▶ ReadCore
//!     functions ─▶ FuncSig + a binding in their module
//!     classes   ─▶ ClassInfo (own fields, methods, final methods) + a binding if exported;
//!                  the read tir::Class, as laid out by the core, for the class plan
//!     globals   ─▶ a binding, never importable by value
//! ```
//!
//! Every way an extension reaches a core item starts from a name written in
//! its source (an import, `module.attr`, a parent class, an annotation), so
//! the identifiers of the source, paired with every core module, are a
//! superset of what it can reach by name; what it reaches through types (a
//! function's result, a field's class) the selection adds. An item the
//! extension does not name is neither decoded nor declared: the work grows
//! with the extension, not with the core. A name the core does not export
//! is then reported exactly as before, since the selection never drops a
//! name the file describes.
//!
//! Nothing here reads the core's sources or re-analyses the core, and
//! nothing here decides an ABI fact: ids, layouts and slots are the core's,
//! as recorded.

use std::collections::{HashMap, HashSet};

use seam_exports_schema::{ExportsFile, ExportsIndex};

use super::context::Context;
use super::defs::{Binding, ClassInfo, FuncSig, Imported, ModId, Param};
use super::rules::ExtensionRules;
use crate::exports::reader::{self, Bases, Owner};
use crate::tir::{self, FuncId};

/// The core interface an extension is checked against.
#[derive(Clone, Copy, Debug)]
pub struct CoreInterface<'a> {
    /// The opened exports file (index read, fingerprint checked).
    pub exports: &'a ExportsIndex<'a>,
    /// How to name the exports file in diagnostics.
    pub path: &'a str,
    /// The exports files of extensions it may build on (`seam build-ext
    /// --exports CORE --exports EXT...`), in any order.
    pub layers: &'a [Layer<'a>],
    /// The rules the extension is held to (the second translation's).
    pub rules: &'a dyn ExtensionRules,
}

/// The exports file of an extension another extension may build on.
#[derive(Clone, Copy, Debug)]
pub struct Layer<'a> {
    /// The opened exports file; [`ExportsIndex::extension`] says whose.
    pub exports: &'a ExportsIndex<'a>,
    /// How to name it in diagnostics.
    pub path: &'a str,
}

/// The extension layers `iface` offers that the loaded sources name, ordered
/// so that each comes after the layers it was built against, after checking
/// that each was built against this core and the other layers as given.
fn used_layers<'a>(
    iface: CoreInterface<'a>,
    identifiers: &HashSet<&str>,
    own_name: &str,
) -> Result<Vec<Layer<'a>>, String> {
    let core_fp = iface.exports.fingerprint();
    let mut by_name: HashMap<&str, Layer<'a>> = HashMap::new();
    let mut twice: HashSet<&str> = HashSet::new();
    for layer in iface.layers {
        let Some(ext) = layer.exports.extension() else {
            return Err(format!(
                "'{}' is a core's exports file, not an extension's; give the core's with the \
                 first --exports",
                layer.path
            ));
        };
        if ext.core != core_fp {
            return Err(format!(
                "'{}' was built against core exports {}, but '{}' are {core_fp}; rebuild \
                 extension '{}' with seam build-ext",
                layer.path, ext.core, iface.path, ext.name
            ));
        }
        if by_name.insert(ext.name.as_str(), *layer).is_some() {
            twice.insert(ext.name.as_str());
        }
    }
    // The layers named, and what they were built against, before them.
    let mut order: Vec<Layer<'a>> = Vec::new();
    let mut placed: HashSet<&str> = HashSet::new();
    let mut wanted: Vec<&str> = by_name
        .keys()
        .copied()
        // An extension rebuilt may be given its own older exports: never a layer of itself.
        .filter(|n| identifiers.contains(n) && *n != own_name)
        .collect();
    wanted.sort_unstable();
    if let Some(name) = wanted.iter().find(|n| twice.contains(*n)) {
        return Err(format!("two exports files describe extension '{name}'"));
    }
    fn visit<'a, 'n>(
        name: &'n str,
        own_name: &str,
        by_name: &HashMap<&'n str, Layer<'a>>,
        placed: &mut HashSet<&'n str>,
        order: &mut Vec<Layer<'a>>,
        stack: &mut Vec<&'n str>,
    ) -> Result<(), String>
    where
        'a: 'n,
    {
        if placed.contains(name) {
            return Ok(());
        }
        if stack.contains(&name) {
            return Err(format!(
                "extensions built against each other: {}",
                stack.join(", ")
            ));
        }
        let layer = by_name[name];
        stack.push(name);
        for d in &layer.exports.extension().expect("checked above").depends {
            if d.name == own_name {
                return Err(format!(
                    "'{}' was built on extension '{own_name}', the one being built: an \
                     extension cannot build on an extension built on it",
                    layer.path
                ));
            }
            let Some(dep) = by_name.get(d.name.as_str()) else {
                return Err(format!(
                    "'{}' was built against extension '{}': give its exports file with --exports",
                    layer.path, d.name
                ));
            };
            if dep.exports.fingerprint() != d.fingerprint {
                return Err(format!(
                    "'{}' was built against exports {} of extension '{}', but '{}' are {}; \
                     rebuild extension '{}' with seam build-ext",
                    layer.path,
                    d.fingerprint,
                    d.name,
                    dep.path,
                    dep.exports.fingerprint(),
                    name
                ));
            }
            visit(d.name.as_str(), own_name, by_name, placed, order, stack)?;
        }
        stack.pop();
        placed.insert(name);
        order.push(layer);
        Ok(())
    }
    for name in wanted {
        visit(
            name,
            own_name,
            &by_name,
            &mut placed,
            &mut order,
            &mut Vec::new(),
        )?;
    }
    Ok(order)
}

/// The selections of several files as one: the core's first, then each
/// layer's, in an order that puts every class after its parent.
fn merge(mut core: ExportsFile, layers: Vec<ExportsFile>) -> ExportsFile {
    for l in layers {
        core.modules.extend(l.modules);
        core.functions.extend(l.functions);
        core.classes.extend(l.classes);
        core.globals.extend(l.globals);
    }
    core
}

impl Context<'_> {
    /// Creates a module for every core module the exports file describes, with
    /// no names bound yet: the extension's imports resolve against them while
    /// it loads, before [`Context::import_interface`] binds what it uses.
    pub(super) fn interface_modules(&mut self, iface: CoreInterface<'_>, own_name: &str) {
        for m in iface.exports.modules() {
            self.interface_module(m);
            self.providers
                .insert(m.to_string(), (iface.path.to_string(), None));
        }
        for layer in iface.layers {
            let Some(ext) = layer.exports.extension() else {
                continue;
            };
            if ext.name == own_name {
                continue;
            }
            for m in layer.exports.modules() {
                self.interface_module(m);
                self.providers
                    .entry(m.to_string())
                    .or_insert_with(|| (layer.path.to_string(), Some(ext.name.clone())));
            }
        }
    }

    /// Reads the core items the loaded sources may name (see the module
    /// documentation) and binds the exported ones in their modules. An error
    /// says what is wrong with the file, in a sentence.
    pub(super) fn import_interface(
        &mut self,
        iface: CoreInterface<'_>,
        own_name: &str,
    ) -> Result<(), String> {
        let (selected, depends) = {
            let mut identifiers: HashSet<&str> = HashSet::new();
            for file in self.sources.files() {
                identifiers.extend(identifiers_of(self.sources.text(file)));
            }
            let layers = used_layers(iface, &identifiers, own_name)?;
            let candidates = |modules: &[&str]| -> Vec<String> {
                modules
                    .iter()
                    .flat_map(|m| identifiers.iter().map(move |i| format!("{m}.{i}")))
                    .collect()
            };
            // The last layers first: what they build on is selected from the files before them.
            let mut needed: Vec<String> = Vec::new();
            let mut selections = Vec::new();
            for layer in layers.iter().rev() {
                let mut names = candidates(layer.exports.modules());
                names.extend(needed.iter().cloned());
                let (file, outside) = layer
                    .exports
                    .select_within(names.iter().map(String::as_str))
                    .map_err(|e| {
                        format!("'{}': {e}; rebuild the extension it describes", layer.path)
                    })?;
                needed.extend(outside);
                selections.push(file);
            }
            selections.reverse();
            let mut names = candidates(iface.exports.modules());
            names.extend(needed.iter().cloned());
            let core = iface
                .exports
                .select(names.iter().map(String::as_str))
                .map_err(|e| format!("{e}; rebuild the core"))?;
            let described: HashSet<&str> = core
                .classes
                .iter()
                .chain(selections.iter().flat_map(|s| s.classes.iter()))
                .map(|c| c.qualified_name.as_str())
                .collect();
            if let Some(missing) = needed.iter().find(|n| !described.contains(n.as_str())) {
                return Err(format!(
                    "class '{missing}' is used by an extension's exports file but described by \
                     none of the exports files given"
                ));
            }
            let depends: Vec<(String, String)> = layers
                .iter()
                .map(|l| {
                    let name = l.exports.extension().map_or("", |e| e.name.as_str());
                    (name.to_string(), l.exports.fingerprint().to_string())
                })
                .collect();
            (merge(core, selections), depends)
        };

        let bases = Bases {
            class: self.classes.len() as u32,
            function: self.program.functions.len() as u32,
        };
        let core = reader::read_core(&selected, bases, &mut |s| self.intern(s))
            .map_err(|e| format!("inconsistent exports file: {e}; rebuild the core"))?;
        let mut imported = Imported {
            depends,
            ..Imported::default()
        };
        for m in &core.modules {
            imported.modules.insert(m.clone());
            self.interface_module(m);
        }
        // The classes first, so that every class id the functions name exists.
        for c in &core.classes {
            if c.builtin.is_some() {
                continue;
            }
            debug_assert_eq!(c.id.0 as usize, self.classes.len());
            self.classes.push(ClassInfo {
                module: None,
                name: c.name.clone(),
                stmt_index: 0,
                parent: c.class.parent,
                slack: c.class.id_max.saturating_sub(c.class.slack_start),
                is_final: c.class.is_final,
                fields: Vec::new(),
                constants: HashMap::new(),
                methods: HashMap::new(),
                final_methods: HashSet::new(),
                builtin: None,
                bad_members: HashSet::new(),
            });
            if c.exported {
                let m = self.interface_module(&c.module);
                self.modules[m.0 as usize]
                    .scope
                    .insert(c.name.clone(), Binding::Class(c.id));
            }
        }
        let mut exported_functions = Vec::new();
        let mut methods = Vec::new();
        for f in core.functions {
            let fid = FuncId(self.program.functions.len() as u32);
            let params: Vec<Param> = f
                .function
                .locals
                .iter()
                .zip(f.defaults)
                .map(|(l, default)| Param {
                    name: l.name.clone(),
                    ty: l.ty.clone(),
                    default,
                })
                .collect();
            let (module, name, method) = match &f.owner {
                Owner::Method {
                    class,
                    module,
                    name,
                } => {
                    methods.push(fid);
                    (module, name, Some((*class, usize::MAX)))
                }
                Owner::Module { module, name } => {
                    exported_functions.push(fid);
                    (module, name, None)
                }
            };
            let m = self.interface_module(module);
            self.func_sigs.push(Some(FuncSig {
                module: m,
                name: name.clone(),
                params,
                ret: f.function.ret.clone(),
                def_start: 0,
                def_end: 0,
                stmt_index: usize::MAX,
                method,
                bad_params: Vec::new(),
            }));
            if method.is_none() {
                self.modules[m.0 as usize]
                    .scope
                    .insert(name.clone(), Binding::Function(fid));
            }
            self.program.functions.push(f.function);
        }
        for c in core.classes {
            let info = &mut self.classes[c.id.0 as usize];
            if let Some(init) = c.init {
                info.methods.insert("__init__".into(), init);
            }
            for e in &c.class.vtable {
                info.methods.insert(e.name.clone(), e.func);
                if e.is_final {
                    info.final_methods.insert(e.name.clone());
                }
            }
            info.fields = c
                .class
                .fields
                .iter()
                .skip(c.inherited_fields)
                .map(|f| (f.name.clone(), f.ty.clone()))
                .collect();
            imported.classes.push(c.id);
            imported.prebuilt.insert(c.id, c.class);
        }
        // The exported functions, then the methods in id order (the program must not vary from run to run).
        imported.functions = exported_functions;
        imported.functions.extend(methods);
        for g in core.globals {
            let m = self.interface_module(&g.module);
            let gid = tir::GlobalId(self.program.globals.len() as u32);
            self.program.globals.push(g.global);
            self.modules[m.0 as usize]
                .scope
                .insert(g.name.clone(), Binding::Global(gid));
            // Extensions may not import a global by value: see `bind_import_from`.
            self.modules[m.0 as usize].reassigned.insert(g.name);
            imported.globals.push(gid);
        }
        self.interface = Some(imported);
        Ok(())
    }

    /// The module for a core module name, created empty (no source file) on first use.
    fn interface_module(&mut self, name: &str) -> ModId {
        if let Some(&m) = self.module_index.get(name) {
            return m;
        }
        let id = ModId(self.modules.len() as u32);
        self.module_index.insert(name.to_string(), id);
        self.modules.push(super::defs::Module {
            name: name.to_string(),
            file: None,
            body: Vec::new(),
            scope: HashMap::new(),
            reassigned: Default::default(),
            unparsed: false,
        });
        // A dotted module is also an attribute of its package.
        if let Some((pkg, last)) = name.rsplit_once('.') {
            let p = self.interface_module(pkg);
            self.modules[p.0 as usize]
                .scope
                .entry(last.to_string())
                .or_insert(Binding::Module(id));
        }
        id
    }
}

/// The identifier-like words of a source text: every maximal run of ASCII
/// letters, digits, `_` and non-ASCII characters that does not start with a
/// digit. Comments and strings are not skipped (a name in a string annotation
/// counts), so the result is a superset of the names the text uses.
fn identifiers_of(text: &str) -> impl Iterator<Item = &str> {
    let is_word = |c: char| c == '_' || c.is_ascii_alphanumeric() || !c.is_ascii();
    text.split(move |c: char| !is_word(c))
        .filter(|w| w.chars().next().is_some_and(|c| !c.is_ascii_digit()))
}
