//! The first translation's exports: a checked program's exported items,
//! converted to the exports file's schema.
//!
//! ```text
//!   tir::Program ──build_exports──▶ seam_exports_schema::ExportsFile (sealed) ──▶ driver writes OUT.exports
//! ```
//!
//! What goes in: the functions, classes and globals `@export` and
//! `Exported[T]` marked; every ancestor of an exported class (an extension
//! subclassing it inherits the ancestor's fields and slots, so they must be
//! described even when the ancestor is not marked); the builtin exception
//! classes, always; and the runtime's entry points and data symbols from
//! [`crate::rt`]. Classes are named by qualified name.
//!
//! An exported signature, field or method may only mention classes the file
//! describes; anything else is an error naming both the item and the class.

use std::collections::HashMap;

use seam_exports_schema::{
    AbiClass, Dependency, ExportedClass, ExportedField, ExportedFunction, ExportedGlobal,
    ExportsFile, ExtensionOf, Fingerprint, InitMethod, MAX_TYPE_DEPTH, Param, RuntimeData,
    RuntimeFunction, TypeRef, VtableSlot,
};

use crate::rt::{self, Abi, Rt};
use crate::tir::{self, ClassId, FuncId, Type};

/// The module name recorded for the builtin exception classes.
pub const BUILTINS_MODULE: &str = "builtins";

/// The exports file of `program`, translated for `target` (a target triple), sealed
/// (canonical order, fingerprint set). Errors are messages, one per problem.
pub fn build_exports(program: &tir::Program, target: &str) -> Result<ExportsFile, Vec<String>> {
    let mut cx = Converter::new(program);

    let functions: Vec<ExportedFunction> = program
        .exports
        .functions
        .iter()
        .map(|&fid| cx.function(fid))
        .collect();
    // Program order puts parents before children, as the file wants.
    let described: Vec<ClassId> = (0..program.classes.len())
        .filter(|&i| cx.described[i])
        .map(|i| ClassId(i as u32))
        .collect();
    let classes: Vec<ExportedClass> = described.into_iter().map(|c| cx.class(c)).collect();
    let globals: Vec<ExportedGlobal> = program
        .exports
        .globals
        .iter()
        .map(|&gid| cx.global(gid))
        .collect();
    if !cx.errors.is_empty() {
        return Err(cx.errors);
    }

    let mut modules: Vec<String> = functions
        .iter()
        .map(|f| f.module.clone())
        .chain(globals.iter().map(|g| g.module.clone()))
        .chain(
            classes
                .iter()
                .filter(|c| c.exported && c.builtin_kind.is_none())
                .map(|c| c.module.clone()),
        )
        .collect();
    modules.sort();
    modules.dedup();

    let mut file = ExportsFile {
        seam_version: env!("CARGO_PKG_VERSION").to_string(),
        runtime_abi_version: rt::ABI_VERSION,
        target: target.to_string(),
        fingerprint: Fingerprint::default(),
        modules,
        functions,
        classes,
        globals,
        runtime: runtime_functions(),
        runtime_data: runtime_data(),
        extension: extension_of(program)?,
    };
    file.seal();
    Ok(file)
}

/// What an extension's exports file says of the extension: its name and the
/// fingerprints of what it was built against. `None` for a core.
fn extension_of(program: &tir::Program) -> Result<Option<ExtensionOf>, Vec<String>> {
    let Some(ext) = &program.extension else {
        return Ok(None);
    };
    let fingerprint = |name: &str, hex: &str| {
        Fingerprint::from_hex(hex).ok_or_else(|| {
            vec![format!(
                "the fingerprint '{hex}' of {name} is not 64 hex digits"
            )]
        })
    };
    Ok(Some(ExtensionOf {
        name: ext.name.clone(),
        core: fingerprint("the core", &ext.fingerprint)?,
        depends: ext
            .depends
            .iter()
            .map(|(name, hex)| {
                Ok(Dependency {
                    name: name.clone(),
                    fingerprint: fingerprint(name, hex)?,
                })
            })
            .collect::<Result<_, Vec<String>>>()?,
    }))
}

/// The runtime's entry points, from [`Rt::ALL`].
fn runtime_functions() -> Vec<RuntimeFunction> {
    Rt::ALL
        .iter()
        .map(|&r| RuntimeFunction {
            symbol: r.symbol().to_string(),
            params: r.params().iter().map(|&a| abi_class(a)).collect(),
            ret: r.ret().map(abi_class),
            can_raise: r.can_raise(),
            noreturn: r.noreturn(),
        })
        .collect()
}

/// The runtime's data symbols that generated code touches.
fn runtime_data() -> Vec<RuntimeData> {
    [
        ("exception state", rt::EXC_CURRENT),
        ("shadow stack top", rt::SHADOW_STACK_TOP),
        ("shadow stack limit", rt::SHADOW_STACK_LIMIT),
        ("native stack limit", rt::STACK_LIMIT),
        (
            "gc free lists (inline allocation: 16-byte classes to 512, 8-byte header)",
            rt::GC_FREE,
        ),
        ("gc allocation budget (inline allocation)", rt::GC_BUDGET),
    ]
    .into_iter()
    .map(|(role, symbol)| RuntimeData {
        role: role.to_string(),
        symbol: symbol.to_string(),
    })
    .collect()
}

fn abi_class(a: Abi) -> AbiClass {
    match a {
        Abi::I64 => AbiClass::I64,
        Abi::F64 => AbiClass::F64,
        Abi::I8 => AbiClass::I8,
        Abi::Ptr => AbiClass::Ptr,
        Abi::Word => AbiClass::Word,
    }
}

struct Converter<'p> {
    program: &'p tir::Program,
    /// Per class: whether the file describes it.
    described: Vec<bool>,
    /// Per class: whether extensions may name it (marked `@export`, or builtin).
    exported: Vec<bool>,
    /// Per class: whether this program defines it (for an extension: not the
    /// core's or another extension's, which their own files describe).
    own: Vec<bool>,
    /// `module.Class.__init__` functions, by name.
    inits: HashMap<&'p str, FuncId>,
    errors: Vec<String>,
}

impl<'p> Converter<'p> {
    fn new(program: &'p tir::Program) -> Converter<'p> {
        let n = program.classes.len();
        // An extension's file describes its own classes only: the core's
        // (builtin exception classes included) and those of the extensions it
        // was built against are described by their own files.
        let mut own = vec![true; n];
        if let Some(ext) = &program.extension {
            own = vec![false; n];
            for &c in &ext.local_classes {
                own[c.0 as usize] = true;
            }
        }
        let mut exported = vec![false; n];
        for (i, c) in program.classes.iter().enumerate() {
            exported[i] = c.builtin.is_some() && own[i];
        }
        for &c in &program.exports.classes {
            exported[c.0 as usize] = true;
        }
        let mut described = exported.clone();
        for &c in &program.exports.classes {
            let mut cur = program.classes[c.0 as usize].parent;
            while let Some(p) = cur.filter(|p| own[p.0 as usize]) {
                if std::mem::replace(&mut described[p.0 as usize], true) {
                    break;
                }
                cur = program.classes[p.0 as usize].parent;
            }
        }
        let inits = program
            .functions
            .iter()
            .enumerate()
            .filter(|(_, f)| f.name.ends_with(".__init__"))
            .map(|(i, f)| (f.name.as_str(), FuncId(i as u32)))
            .collect();
        Converter {
            program,
            described,
            exported,
            own,
            inits,
            errors: Vec::new(),
        }
    }

    fn function(&mut self, fid: FuncId) -> ExportedFunction {
        let f = &self.program.functions[fid.0 as usize];
        let what = format!("exported function '{}'", f.name);
        let (module, name) = split_qualified(&f.name);
        ExportedFunction {
            qualified_name: f.name.clone(),
            module: module.to_string(),
            name: name.to_string(),
            symbol: f.symbol.clone(),
            params: self.params(fid, &what),
            ret: self.ty(&f.ret, &what),
            can_raise: f.can_raise,
        }
    }

    fn class(&mut self, cid: ClassId) -> ExportedClass {
        let c = &self.program.classes[cid.0 as usize];
        let what = |item: String| format!("{item} of exported class '{}'", c.name);
        let (module, name) = match c.builtin {
            Some(_) => (BUILTINS_MODULE, c.name.as_str()),
            None => split_qualified(&c.name),
        };
        let fields: Vec<ExportedField> = c
            .fields
            .iter()
            .map(|f| ExportedField {
                name: f.name.clone(),
                ty: self.ty(&f.ty, &what(format!("field '{}'", f.name))),
                offset: f.offset,
            })
            .collect();
        let gc_ref_offsets = c
            .fields
            .iter()
            .filter(|f| f.ty.is_ref())
            .map(|f| f.offset)
            .collect();
        let vtable = c
            .vtable
            .iter()
            .enumerate()
            .map(|(slot, e)| {
                let m = &self.program.functions[e.func.0 as usize];
                let what = what(format!("method '{}'", e.name));
                VtableSlot {
                    slot: slot as u32,
                    name: e.name.clone(),
                    params: self.params(e.func, &what),
                    ret: self.ty(&m.ret, &what),
                    symbol: m.symbol.clone(),
                    is_final: e.is_final,
                    // An extension may override a slot that is not final, with code that raises.
                    can_raise: m.can_raise || !(e.is_final || c.is_final),
                    impl_can_raise: m.can_raise,
                }
            })
            .collect();
        let init = self.init(cid);
        ExportedClass {
            qualified_name: c.name.clone(),
            module: module.to_string(),
            name: name.to_string(),
            exported: self.exported[cid.0 as usize],
            parent: c
                .parent
                .map(|p| self.program.classes[p.0 as usize].name.clone()),
            id: c.id,
            id_max: c.id_max,
            slack_start: c.slack_start,
            size: c.size,
            align: 8,
            fields,
            vtable,
            gc_ref_offsets,
            is_exception: c.is_exception,
            is_final: c.is_final,
            ids_at_load: c.ids_at_load,
            builtin_kind: c.builtin.map(|k| k as u32),
            descriptor_symbol: c.symbol.clone(),
            init,
        }
    }

    /// The nearest `__init__` a Seam class defines, up to the first builtin class
    /// (whose initialisation is the runtime's).
    fn init(&mut self, cid: ClassId) -> Option<InitMethod> {
        let mut cur = Some(cid);
        while let Some(k) = cur {
            let class = &self.program.classes[k.0 as usize];
            if class.builtin.is_some() {
                return None;
            }
            if let Some(&fid) = self.inits.get(format!("{}.__init__", class.name).as_str()) {
                let f = &self.program.functions[fid.0 as usize];
                let what = format!(
                    "__init__ of exported class '{}'",
                    self.program.classes[cid.0 as usize].name
                );
                return Some(InitMethod {
                    defined_in: class.name.clone(),
                    symbol: f.symbol.clone(),
                    params: self.params(fid, &what),
                    can_raise: f.can_raise,
                    lends_self: self.program.classes[cid.0 as usize].init_lends_self,
                });
            }
            cur = class.parent;
        }
        None
    }

    fn global(&mut self, gid: tir::GlobalId) -> ExportedGlobal {
        let g = &self.program.globals[gid.0 as usize];
        let (module, name) = split_qualified(&g.name);
        ExportedGlobal {
            qualified_name: g.name.clone(),
            module: module.to_string(),
            name: name.to_string(),
            ty: self.ty(&g.ty, &format!("exported global '{}'", g.name)),
            symbol: g.symbol.clone(),
        }
    }

    fn params(&mut self, fid: tir::FuncId, what: &str) -> Vec<Param> {
        let f = &self.program.functions[fid.0 as usize];
        let defaults = self.program.param_defaults.get(&fid);
        f.params
            .iter()
            .enumerate()
            .map(|(i, &l)| {
                let local = &f.locals[l.0 as usize];
                let default = defaults
                    .and_then(|d| d.get(i))
                    .and_then(|d| d.as_ref())
                    .and_then(|e| literal(e, &self.program.strings));
                Param {
                    name: local.name.clone(),
                    ty: self.ty(&local.ty, what),
                    default,
                }
            })
            .collect()
    }

    /// Converts a type, reporting classes the file does not describe.
    fn ty(&mut self, ty: &Type, what: &str) -> TypeRef {
        self.ty_at(ty, what, 1)
    }

    fn ty_at(&mut self, ty: &Type, what: &str, depth: usize) -> TypeRef {
        if depth > MAX_TYPE_DEPTH {
            let msg = format!("{what} has a type nested deeper than {MAX_TYPE_DEPTH} levels");
            if !self.errors.contains(&msg) {
                self.errors.push(msg);
            }
            return TypeRef::None;
        }
        let mut sub = |t: &Type| Box::new(self.ty_at(t, what, depth + 1));
        match ty {
            Type::Int => TypeRef::Int,
            Type::Float => TypeRef::Float,
            Type::Bool => TypeRef::Bool,
            Type::Str => TypeRef::Str,
            Type::None => TypeRef::None,
            Type::List(t) => TypeRef::List(sub(t)),
            Type::Dict(k, v) => TypeRef::Dict(sub(k), sub(v)),
            Type::Optional(t) => TypeRef::Optional(sub(t)),
            Type::DictKeys(t) => TypeRef::DictKeys(sub(t)),
            Type::DictValues(t) => TypeRef::DictValues(sub(t)),
            Type::DictItems(k, v) => TypeRef::DictItems(sub(k), sub(v)),
            Type::Tuple(ts) => TypeRef::Tuple(ts.iter().map(|t| *sub(t)).collect()),
            Type::VarTuple(t) => TypeRef::VarTuple(sub(t)),
            Type::Callable(ps, r) => {
                let params = ps.iter().map(|t| *sub(t)).collect();
                TypeRef::Callable(params, sub(r))
            }
            Type::Set(_) => {
                // The exports format has no set type yet: refuse rather than mis-describe.
                let msg =
                    format!("{what} has a set type, which an exports file cannot describe yet");
                if !self.errors.contains(&msg) {
                    self.errors.push(msg);
                }
                TypeRef::None
            }
            Type::File => TypeRef::TextIO,
            Type::Instance(c) => {
                let class = &self.program.classes[c.0 as usize];
                // An extension may mention what the files it was built against describe.
                if !self.described[c.0 as usize] && self.own[c.0 as usize] {
                    let msg = format!(
                        "{what} mentions class '{}', which is not exported",
                        class.name
                    );
                    if !self.errors.contains(&msg) {
                        self.errors.push(msg);
                    }
                }
                TypeRef::Instance(class.name.clone())
            }
            Type::Object => TypeRef::Object,
        }
    }
}

/// `a.b.name` → (`a.b`, `name`).
/// A default value's literal (the front end only accepts literals as defaults).
fn literal(e: &tir::Expr, strings: &[String]) -> Option<seam_exports_schema::Literal> {
    use seam_exports_schema::Literal;
    Some(match &e.kind {
        tir::ExprKind::Int(v) => Literal::Int(*v),
        tir::ExprKind::Float(v) => Literal::Float(*v),
        tir::ExprKind::Bool(v) => Literal::Bool(*v),
        tir::ExprKind::Str(id) => Literal::Str(strings.get(id.0 as usize)?.clone()),
        tir::ExprKind::None => Literal::None,
        _ => return None,
    })
}

fn split_qualified(name: &str) -> (&str, &str) {
    name.rsplit_once('.').unwrap_or(("", name))
}

#[cfg(test)]
mod tests {
    use seam_exports_schema::decode;

    use super::*;
    use crate::rt::ExcKind;
    use crate::tir::{Class, Field, Function, Global, GlobalId, Local, LocalId, Stmt, VtableEntry};

    const TARGET: &str = "x86_64-unknown-linux-gnu";

    fn func(name: &str, params: &[(&str, Type)], ret: Type, can_raise: bool) -> Function {
        let (owner, short) = name.rsplit_once('.').unwrap();
        Function {
            name: name.to_string(),
            symbol: format!("sym_{owner}_{short}"),
            params: (0..params.len() as u32).map(LocalId).collect(),
            ret,
            locals: params
                .iter()
                .map(|(n, t)| Local {
                    name: n.to_string(),
                    ty: t.clone(),
                })
                .collect(),
            body: Vec::new(),
            can_raise,
        }
    }

    fn class(
        name: &str,
        parent: Option<u32>,
        ids: (u32, u32, u32),
        fields: &[(&str, Type)],
    ) -> Class {
        Class {
            name: name.to_string(),
            symbol: format!("desc_{name}"),
            parent: parent.map(ClassId),
            id: ids.0,
            id_max: ids.1,
            slack_start: ids.2,
            fields: fields
                .iter()
                .enumerate()
                .map(|(i, (n, t))| Field {
                    name: n.to_string(),
                    ty: t.clone(),
                    offset: 8 + 8 * i as i32,
                })
                .collect(),
            size: 8 + 8 * fields.len() as u32,
            vtable: Vec::new(),
            is_exception: false,
            is_final: false,
            builtin: None,
            ids_at_load: false,
            init_lends_self: false,
        }
    }

    const BASE: ClassId = ClassId(2);
    const NODE: ClassId = ClassId(3);
    const SECRET: ClassId = ClassId(4);

    /// `Exception`, `ValueError`; `main.Base` (unexported) > `main.Node` (exported); `main.Secret`.
    fn program() -> tir::Program {
        let mut exception = class("Exception", None, (1, 20, 4), &[("$message", Type::Str)]);
        exception.builtin = Some(ExcKind::Exception);
        exception.is_exception = true;
        let mut value_error = class("ValueError", Some(0), (2, 3, 3), &[("$message", Type::Str)]);
        value_error.builtin = Some(ExcKind::ValueError);
        value_error.is_exception = true;
        let node_ty = Type::Instance(NODE);
        let functions = vec![
            // 0: an exported function.
            func(
                "main.make",
                &[("n", Type::Int), ("tag", Type::Str)],
                node_ty.clone(),
                false,
            ),
            // 1, 2, 3: methods.
            func(
                "main.Base.size",
                &[("self", Type::Instance(BASE))],
                Type::Int,
                false,
            ),
            func(
                "main.Node.__init__",
                &[
                    ("self", node_ty.clone()),
                    ("next", Type::Optional(Box::new(node_ty.clone()))),
                ],
                Type::None,
                false,
            ),
            func(
                "main.Node.size",
                &[("self", node_ty.clone())],
                Type::Int,
                false,
            ),
            // 4: a method whose slot is final.
            func(
                "main.Base.tag",
                &[("self", Type::Instance(BASE))],
                Type::Str,
                false,
            ),
            // 5: private.
            func("main.helper", &[], Type::Int, true),
        ];
        let mut base = class("main.Base", None, (20, 40, 24), &[("weight", Type::Float)]);
        base.vtable = vec![
            VtableEntry {
                name: "size".into(),
                func: FuncId(1),
                is_final: false,
            },
            VtableEntry {
                name: "tag".into(),
                func: FuncId(4),
                is_final: true,
            },
        ];
        let mut node = class(
            "main.Node",
            Some(BASE.0),
            (21, 24, 23),
            &[
                ("weight", Type::Float),
                ("next", Type::Optional(Box::new(node_ty.clone()))),
            ],
        );
        node.vtable = vec![
            VtableEntry {
                name: "size".into(),
                func: FuncId(3),
                is_final: false,
            },
            VtableEntry {
                name: "tag".into(),
                func: FuncId(4),
                is_final: true,
            },
        ];
        let secret = class("main.Secret", None, (40, 41, 41), &[]);
        tir::Program {
            functions,
            classes: vec![exception, value_error, base, node, secret],
            globals: vec![Global {
                name: "main.COUNT".into(),
                symbol: "glob_main_COUNT".into(),
                ty: Type::Int,
            }],
            strings: Vec::new(),
            init_order: Vec::new(),
            main: FuncId(5),
            exports: tir::ExportList {
                functions: vec![FuncId(0)],
                classes: vec![NODE],
                globals: vec![GlobalId(0)],
            },
            ..tir::Program::default()
        }
    }

    #[test]
    fn converts_exported_items_and_ancestors() {
        let file = build_exports(&program(), TARGET).unwrap();
        let names: Vec<(&str, bool)> = file
            .classes
            .iter()
            .map(|c| (c.qualified_name.as_str(), c.exported))
            .collect();
        assert_eq!(
            names,
            [
                ("Exception", true),
                ("ValueError", true),
                ("main.Base", false),
                ("main.Node", true)
            ]
        );
        assert_eq!(file.modules, ["main"]);
        assert_eq!(file.target, TARGET);
        assert_eq!(file.runtime.len(), Rt::ALL.len());
        assert_eq!(file.runtime_abi_version, rt::ABI_VERSION);

        let make = &file.functions[0];
        assert_eq!((make.module.as_str(), make.name.as_str()), ("main", "make"));
        assert_eq!(make.params[1].name, "tag");
        assert_eq!(make.ret, TypeRef::Instance("main.Node".into()));

        let node = file.class("main.Node").unwrap();
        assert_eq!(node.parent.as_deref(), Some("main.Base"));
        assert_eq!(
            (
                node.id,
                node.id_max,
                node.slack_start,
                node.size,
                node.align
            ),
            (21, 24, 23, 24, 8)
        );
        assert_eq!(node.gc_ref_offsets, [16]);
        let init = node.init.as_ref().unwrap();
        assert_eq!(
            (init.defined_in.as_str(), init.params.len()),
            ("main.Node", 2)
        );
        // A slot an extension may override can raise through dispatch; a final one cannot.
        assert!(node.vtable[0].can_raise && !node.vtable[0].impl_can_raise);
        assert!(!node.vtable[1].can_raise && node.vtable[1].is_final);
        assert_eq!(file.class("ValueError").unwrap().builtin_kind, Some(1));
        assert!(file.class("ValueError").unwrap().init.is_none());

        assert_eq!(file.globals[0].ty, TypeRef::Int);
        // What the converter writes, the decoder accepts.
        assert_eq!(decode(&file.encode()), Ok(file));
    }

    #[test]
    fn inherited_init_is_found() {
        let mut p = program();
        let mut leaf = class("main.Leaf", Some(NODE.0), (22, 23, 23), &[]);
        leaf.fields = p.classes[NODE.0 as usize].fields.clone();
        leaf.size = p.classes[NODE.0 as usize].size;
        leaf.is_final = true;
        p.classes.push(leaf);
        p.exports.classes.push(ClassId(5));
        let file = build_exports(&p, TARGET).unwrap();
        let leaf = file.class("main.Leaf").unwrap();
        assert_eq!(leaf.init.as_ref().unwrap().defined_in, "main.Node");
        assert!(decode(&file.encode()).is_ok());
    }

    #[test]
    fn unexported_classes_in_signatures_are_errors() {
        let mut p = program();
        p.functions[0].ret = Type::List(Box::new(Type::Instance(SECRET)));
        p.globals[0].ty = Type::Instance(SECRET);
        assert_eq!(
            build_exports(&p, TARGET).unwrap_err(),
            [
                "exported function 'main.make' mentions class 'main.Secret', which is not exported",
                "exported global 'main.COUNT' mentions class 'main.Secret', which is not exported",
            ]
        );
    }

    #[test]
    fn callable_types_are_exported_and_checked() {
        let mut p = program();
        p.functions[0].ret = Type::Callable(vec![Type::Int, Type::Str], Box::new(Type::None));
        let file = build_exports(&p, TARGET).unwrap();
        let make = file
            .functions
            .iter()
            .find(|f| f.qualified_name == "main.make")
            .unwrap();
        assert_eq!(
            make.ret,
            TypeRef::Callable(vec![TypeRef::Int, TypeRef::Str], Box::new(TypeRef::None))
        );
        assert_eq!(make.ret.to_string(), "Callable[[int, str], None]");
        assert_ne!(
            file.fingerprint,
            build_exports(&program(), TARGET).unwrap().fingerprint
        );

        p.functions[0].ret = Type::Callable(vec![Type::Instance(SECRET)], Box::new(Type::Int));
        assert_eq!(
            build_exports(&p, TARGET).unwrap_err(),
            ["exported function 'main.make' mentions class 'main.Secret', which is not exported"]
        );
    }

    #[test]
    fn internal_changes_keep_the_fingerprint() {
        let before = build_exports(&program(), TARGET).unwrap().fingerprint;
        let mut p = program();
        // A new private function, and the exported function's body rewritten.
        p.functions
            .push(func("main.other", &[("x", Type::Int)], Type::Int, true));
        p.functions[0].body = vec![Stmt::Return(None)];
        assert_eq!(build_exports(&p, TARGET).unwrap().fingerprint, before);

        p.functions[0].can_raise = true;
        assert_ne!(build_exports(&p, TARGET).unwrap().fingerprint, before);
    }
}
