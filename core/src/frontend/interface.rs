//! The second translation's view of the core: its exports file, turned into
//! modules whose functions, classes and globals are defined elsewhere.
//!
//! ```text
//!   core.exports ──▶ one module per exported core module (no source file)
//!                    functions ─▶ imported tir::Function (symbol, signature, can_raise)
//!                    classes   ─▶ ClassInfo + a prebuilt tir::Class (ids, layout, vtable as recorded)
//!                    globals   ─▶ imported tir::Global (symbol)
//! ```
//!
//! Nothing here reads the core's sources or re-analyses the core: the exports
//! file is the whole interface, and loading it costs time proportional to
//! its size.

use std::collections::{HashMap, HashSet};

use seam_exports_schema::{self as schema, ExportsFile, TypeRef};

use super::context::Context;
use super::defs::{Binding, ClassInfo, FuncSig, Imported, ModId, Param};
use crate::rt::ExcKind;
use crate::tir::{self, ClassId, FuncId, Type};

/// The core interface an extension is checked against.
#[derive(Clone, Copy, Debug)]
pub struct CoreInterface<'a> {
    pub exports: &'a ExportsFile,
    /// How to name the exports file in diagnostics.
    pub path: &'a str,
}

impl Context<'_> {
    /// Creates a module for every core module the exports file describes, with its exported names bound.
    pub(super) fn import_interface(&mut self, iface: CoreInterface<'_>) -> Result<(), String> {
        let ex = iface.exports;
        let mut imported = Imported::default();
        for m in &ex.modules {
            imported.modules.insert(m.clone());
            self.interface_module(m);
        }
        // Classes: ids are the core's; parents come before children in the file.
        let mut by_name: HashMap<String, ClassId> = HashMap::new();
        for c in &ex.classes {
            let cid = match c.builtin_kind {
                Some(k) => {
                    let kind = *ExcKind::ALL.get(k as usize).ok_or_else(|| {
                        format!(
                            "class '{}' has an unknown builtin kind {k}",
                            c.qualified_name
                        )
                    })?;
                    ClassId(kind as u32)
                }
                None => {
                    let parent = match &c.parent {
                        Some(p) => Some(*by_name.get(p).ok_or_else(|| {
                            format!("class '{}' names an unknown parent '{p}'", c.qualified_name)
                        })?),
                        None => None,
                    };
                    let cid = ClassId(self.classes.len() as u32);
                    self.classes.push(ClassInfo {
                        module: None,
                        name: c.name.clone(),
                        stmt_index: 0,
                        parent,
                        slack: c.id_max.saturating_sub(c.slack_start),
                        is_final: c.is_final,
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
                            .insert(c.name.clone(), Binding::Class(cid));
                    }
                    cid
                }
            };
            by_name.insert(c.qualified_name.clone(), cid);
        }
        let ty = |t: &TypeRef| convert_type(t, &by_name);
        let by_qualified: HashMap<&str, &schema::ExportedClass> = ex
            .classes
            .iter()
            .map(|c| (c.qualified_name.as_str(), c))
            .collect();
        // Layouts and vtables, with one imported function per implementing symbol.
        let mut by_symbol: HashMap<String, FuncId> = HashMap::new();
        for c in &ex.classes {
            let cid = by_name[&c.qualified_name];
            let mut fields = Vec::new();
            for f in &c.fields {
                fields.push(tir::Field {
                    name: f.name.clone(),
                    ty: ty(&f.ty)?,
                    offset: f.offset,
                });
            }
            let mut vtable = Vec::new();
            for slot in &c.vtable {
                let params = slot
                    .params
                    .iter()
                    .map(|p| self.interface_param(p, &by_name))
                    .collect::<Result<Vec<_>, String>>()?;
                let func = self.interface_function(
                    &mut by_symbol,
                    &slot.symbol,
                    &format!("{}.{}", c.qualified_name, slot.name),
                    &slot.name,
                    params,
                    ty(&slot.ret)?,
                    slot.impl_can_raise,
                    cid,
                );
                vtable.push(tir::VtableEntry {
                    name: slot.name.clone(),
                    func,
                    is_final: slot.is_final,
                });
            }
            if let Some(init) = &c.init {
                let params = init
                    .params
                    .iter()
                    .map(|p| self.interface_param(p, &by_name))
                    .collect::<Result<Vec<_>, String>>()?;
                let func = self.interface_function(
                    &mut by_symbol,
                    &init.symbol,
                    &format!("{}.__init__", init.defined_in),
                    "__init__",
                    params,
                    Type::None,
                    init.can_raise,
                    cid,
                );
                self.classes[cid.0 as usize]
                    .methods
                    .insert("__init__".into(), func);
            }
            for e in &vtable {
                self.classes[cid.0 as usize]
                    .methods
                    .insert(e.name.clone(), e.func);
                if e.is_final {
                    self.classes[cid.0 as usize]
                        .final_methods
                        .insert(e.name.clone());
                }
            }
            // Own fields only: the parent's come first in the layout.
            let inherited = c
                .parent
                .as_ref()
                .and_then(|p| by_qualified.get(p.as_str()))
                .map_or(0, |pc| pc.fields.len());
            self.classes[cid.0 as usize].fields = fields
                .iter()
                .skip(inherited)
                .map(|f| (f.name.clone(), f.ty.clone()))
                .collect();
            imported.classes.push(cid);
            imported.prebuilt.insert(
                cid,
                tir::Class {
                    name: c.qualified_name.clone(),
                    symbol: c.descriptor_symbol.clone(),
                    parent: self.classes[cid.0 as usize].parent,
                    id: c.id,
                    id_max: c.id_max,
                    slack_start: c.slack_start,
                    fields,
                    size: c.size,
                    vtable,
                    is_exception: c.is_exception,
                    is_final: c.is_final,
                    builtin: self.classes[cid.0 as usize].builtin,
                },
            );
        }
        // Functions.
        for f in &ex.functions {
            let params = f
                .params
                .iter()
                .map(|p| self.interface_param(p, &by_name))
                .collect::<Result<Vec<_>, String>>()?;
            let m = self.interface_module(&f.module);
            let fid = FuncId(self.program.functions.len() as u32);
            let (param_ids, locals) = signature_locals(&params);
            self.program.functions.push(tir::Function {
                name: f.qualified_name.clone(),
                symbol: f.symbol.clone(),
                params: param_ids,
                ret: ty(&f.ret)?,
                locals,
                body: Vec::new(),
                can_raise: f.can_raise,
            });
            self.func_sigs.push(Some(FuncSig {
                module: m,
                name: f.name.clone(),
                params,
                ret: ty(&f.ret)?,
                def_start: 0,
                def_end: 0,
                stmt_index: usize::MAX,
                method: None,
                bad_params: Vec::new(),
            }));
            self.modules[m.0 as usize]
                .scope
                .insert(f.name.clone(), Binding::Function(fid));
            imported.functions.push(fid);
        }
        // In id order, not the map's: the program must not vary from run to run.
        let mut methods: Vec<FuncId> = by_symbol.values().copied().collect();
        methods.sort();
        imported.functions.extend(methods);
        // Globals.
        for g in &ex.globals {
            let m = self.interface_module(&g.module);
            let gid = tir::GlobalId(self.program.globals.len() as u32);
            self.program.globals.push(tir::Global {
                name: g.qualified_name.clone(),
                symbol: g.symbol.clone(),
                ty: ty(&g.ty)?,
            });
            self.modules[m.0 as usize]
                .scope
                .insert(g.name.clone(), Binding::Global(gid));
            // Extensions may not import a global by value: see `bind_import_from`.
            self.modules[m.0 as usize].reassigned.insert(g.name.clone());
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

    fn interface_param(
        &mut self,
        p: &schema::Param,
        by_name: &HashMap<String, ClassId>,
    ) -> Result<Param, String> {
        let ty = convert_type(&p.ty, by_name)?;
        let default = match &p.default {
            None => None,
            Some(schema::Literal::Int(v)) => Some(tir::Expr::int(*v)),
            Some(schema::Literal::Float(v)) => {
                Some(tir::Expr::new(tir::ExprKind::Float(*v), Type::Float))
            }
            Some(schema::Literal::Bool(v)) => Some(tir::Expr::bool(*v)),
            Some(schema::Literal::Str(s)) => {
                let id = self.intern(s);
                Some(tir::Expr::new(tir::ExprKind::Str(id), ty.clone()))
            }
            Some(schema::Literal::None) => Some(tir::Expr::new(tir::ExprKind::None, ty.clone())),
        };
        Ok(Param {
            name: p.name.clone(),
            ty,
            default,
        })
    }

    /// The imported function implementing `symbol` (one per symbol, shared by the slots that inherit it).
    fn interface_function(
        &mut self,
        by_symbol: &mut HashMap<String, FuncId>,
        symbol: &str,
        qualified: &str,
        name: &str,
        params: Vec<Param>,
        ret: Type,
        can_raise: bool,
        class: ClassId,
    ) -> FuncId {
        if let Some(&f) = by_symbol.get(symbol) {
            return f;
        }
        let fid = FuncId(self.program.functions.len() as u32);
        let (param_ids, locals) = signature_locals(&params);
        self.program.functions.push(tir::Function {
            name: qualified.to_string(),
            symbol: symbol.to_string(),
            params: param_ids,
            ret: ret.clone(),
            locals,
            body: Vec::new(),
            can_raise,
        });
        // A method belongs to its class's module (`qualified` is `module.Class.method`).
        let class_module = qualified
            .rsplit_once('.')
            .and_then(|(owner, _)| owner.rsplit_once('.'))
            .map_or("", |(m, _)| m)
            .to_string();
        let module = self.interface_module(&class_module);
        self.func_sigs.push(Some(FuncSig {
            module,
            name: name.to_string(),
            params,
            ret,
            def_start: 0,
            def_end: 0,
            stmt_index: usize::MAX,
            method: Some((class, usize::MAX)),
            bad_params: Vec::new(),
        }));
        by_symbol.insert(symbol.to_string(), fid);
        fid
    }
}

/// The parameter locals of a function defined elsewhere (its signature, for calls).
fn signature_locals(params: &[Param]) -> (Vec<tir::LocalId>, Vec<tir::Local>) {
    let ids = (0..params.len() as u32).map(tir::LocalId).collect();
    let locals = params
        .iter()
        .map(|p| tir::Local {
            name: p.name.clone(),
            ty: p.ty.clone(),
        })
        .collect();
    (ids, locals)
}

/// An exports-file type as a TIR type.
fn convert_type(t: &TypeRef, classes: &HashMap<String, ClassId>) -> Result<Type, String> {
    let b = |t: &TypeRef| convert_type(t, classes).map(Box::new);
    Ok(match t {
        TypeRef::Int => Type::Int,
        TypeRef::Float => Type::Float,
        TypeRef::Bool => Type::Bool,
        TypeRef::Str => Type::Str,
        TypeRef::None => Type::None,
        TypeRef::List(e) => Type::List(b(e)?),
        TypeRef::Dict(k, v) => Type::Dict(b(k)?, b(v)?),
        TypeRef::Tuple(ts) => Type::Tuple(
            ts.iter()
                .map(|t| convert_type(t, classes))
                .collect::<Result<_, _>>()?,
        ),
        TypeRef::VarTuple(e) => Type::VarTuple(b(e)?),
        TypeRef::Optional(e) => Type::Optional(b(e)?),
        TypeRef::DictKeys(e) => Type::DictKeys(b(e)?),
        TypeRef::DictValues(e) => Type::DictValues(b(e)?),
        TypeRef::DictItems(k, v) => Type::DictItems(b(k)?, b(v)?),
        TypeRef::Callable(ps, r) => Type::Callable(
            ps.iter()
                .map(|t| convert_type(t, classes))
                .collect::<Result<_, _>>()?,
            b(r)?,
        ),
        TypeRef::TextIO => Type::File,
        TypeRef::Instance(name) => Type::Instance(
            *classes
                .get(name)
                .ok_or_else(|| format!("a type names the unknown class '{name}'"))?,
        ),
        TypeRef::Object => Type::Object,
    })
}
