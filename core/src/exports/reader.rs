//! The second translation's reading of an exports file: the core's classes,
//! functions and globals as TIR items, numbered where the front end will put
//! them, with every ABI decision as the first translation recorded it.
//!
//! ```text
//!   ExportsFile ──read_core──▶ ReadCore
//!     classes   ─▶ ReadClass: a tir::Class as laid out by the core (ids, id range, slack start,
//!                  field offsets, vtable slots), its `__init__`
//!     methods   ─▶ one imported tir::Function per implementing symbol, shared by the slots that inherit it
//!     functions ─▶ imported tir::Function (symbol, signature, literal defaults, can_raise)
//!     globals   ─▶ imported tir::Global (symbol, type)
//! ```
//!
//! Nothing is re-derived: ids, ranges, offsets and slot numbers are copied
//! from the file, and the front end's class plan takes the read classes as
//! they are. Nothing here reads the core's sources or re-analyses the core:
//! the exports file is the whole interface. The second translation passes a
//! selection of it (`ExportsIndex::select`: what the extension names, closed
//! under ancestors and the classes types mention), so reading costs time
//! proportional to what the extension uses. The front end turns a
//! [`ReadCore`] into its own declarations (modules and the names they bind)
//! in `frontend/interface.rs`.

use std::collections::HashMap;

use seam_exports_schema::{self as schema, ExportsFile, TypeRef};

use crate::rt::ExcKind;
use crate::tir::{self, ClassId, FuncId, Type};

/// Where the read items go in the program being built: a builtin exception
/// class is `ClassId(kind)`, the core's own classes are numbered from
/// `class` and functions from `function`.
#[derive(Clone, Copy, Debug)]
pub struct Bases {
    pub class: u32,
    pub function: u32,
}

/// What an exports file describes, as TIR items.
#[derive(Debug)]
pub struct ReadCore {
    /// The core modules an extension may import, as the file lists them.
    pub modules: Vec<String>,
    /// Every class the file describes, in its order (parents first).
    pub classes: Vec<ReadClass>,
    /// The imported functions, numbered from [`Bases::function`]: the methods
    /// (in the order the classes' vtables and `__init__`s first name them),
    /// then the exported functions.
    pub functions: Vec<ReadFunction>,
    /// The exported globals, in the file's order.
    pub globals: Vec<ReadGlobal>,
}

/// A class of the core, as the first translation laid it out.
#[derive(Debug)]
pub struct ReadClass {
    pub id: ClassId,
    /// The module a Seam class is defined in (`builtins` for a builtin exception class).
    pub module: String,
    /// The unqualified name.
    pub name: String,
    /// Whether extensions may name it (`@export`, or builtin); an unexported
    /// class is described because an exported one inherits from it.
    pub exported: bool,
    pub builtin: Option<ExcKind>,
    /// Ids, id range, slack start, fields with their offsets, size and vtable, as recorded.
    pub class: tir::Class,
    /// How many of `class.fields` the parent declares (they come first).
    pub inherited_fields: usize,
    /// The nearest `__init__` a Seam class defines, if any.
    pub init: Option<FuncId>,
}

/// A function defined in the core.
#[derive(Debug)]
pub struct ReadFunction {
    /// Its signature (the parameters are its first locals); no body.
    pub function: tir::Function,
    /// Each parameter's literal default, lowered.
    pub defaults: Vec<Option<tir::Expr>>,
    pub owner: Owner,
}

/// Where a read function is declared.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Owner {
    /// An exported function, `module.name`.
    Module { module: String, name: String },
    /// A method (or a synthesized getter) implementing a vtable slot or an
    /// `__init__`, first named by `class`; `module` is its class's module.
    Method {
        class: ClassId,
        module: String,
        name: String,
    },
}

/// An exported global of the core.
#[derive(Debug)]
pub struct ReadGlobal {
    pub global: tir::Global,
    pub module: String,
    pub name: String,
}

/// Reads `ex` as the core an extension is checked against. String defaults
/// are interned through `intern`, in file order. An inconsistent file (an
/// unknown builtin kind, parent or class) is an error message.
pub fn read_core(
    ex: &ExportsFile,
    bases: Bases,
    intern: &mut dyn FnMut(&str) -> tir::StrId,
) -> Result<ReadCore, String> {
    let mut r = Reader {
        bases,
        by_name: HashMap::new(),
        by_symbol: HashMap::new(),
        functions: Vec::new(),
        intern,
    };
    // Classes: ids are the core's; parents come before children in the file.
    let mut next_class = bases.class;
    let mut kinds = Vec::with_capacity(ex.classes.len());
    for c in &ex.classes {
        let (cid, builtin) = match c.builtin_kind {
            Some(k) => {
                let kind = *ExcKind::ALL.get(k as usize).ok_or_else(|| {
                    format!(
                        "class '{}' has an unknown builtin kind {k}",
                        c.qualified_name
                    )
                })?;
                (ClassId(kind as u32), Some(kind))
            }
            None => {
                if let Some(p) = &c.parent
                    && !r.by_name.contains_key(p)
                {
                    return Err(format!(
                        "class '{}' names an unknown parent '{p}'",
                        c.qualified_name
                    ));
                }
                next_class += 1;
                (ClassId(next_class - 1), None)
            }
        };
        r.by_name.insert(c.qualified_name.clone(), cid);
        kinds.push((cid, builtin));
    }
    let field_counts: HashMap<&str, usize> = ex
        .classes
        .iter()
        .map(|c| (c.qualified_name.as_str(), c.fields.len()))
        .collect();
    // Layouts and vtables, with one imported function per implementing symbol.
    let mut classes = Vec::with_capacity(ex.classes.len());
    for (c, (cid, builtin)) in ex.classes.iter().zip(kinds) {
        let mut fields = Vec::new();
        for f in &c.fields {
            fields.push(tir::Field {
                name: f.name.clone(),
                ty: r.ty(&f.ty)?,
                offset: f.offset,
            });
        }
        let mut vtable = Vec::new();
        for slot in &c.vtable {
            let func = r.method(
                &slot.symbol,
                &format!("{}.{}", c.qualified_name, slot.name),
                &slot.name,
                &slot.params,
                &slot.ret,
                slot.impl_can_raise,
                cid,
            )?;
            vtable.push(tir::VtableEntry {
                name: slot.name.clone(),
                func,
                is_final: slot.is_final,
            });
        }
        let init = match &c.init {
            Some(init) => Some(r.method(
                &init.symbol,
                &format!("{}.__init__", init.defined_in),
                "__init__",
                &init.params,
                &TypeRef::None,
                init.can_raise,
                cid,
            )?),
            None => None,
        };
        // The parent's fields come first in the layout.
        let inherited_fields = c
            .parent
            .as_ref()
            .and_then(|p| field_counts.get(p.as_str()))
            .copied()
            .unwrap_or(0);
        let parent = match builtin {
            Some(kind) => kind.parent().map(|p| ClassId(p as u32)),
            None => c.parent.as_ref().map(|p| r.by_name[p]),
        };
        classes.push(ReadClass {
            id: cid,
            module: c.module.clone(),
            name: c.name.clone(),
            exported: c.exported,
            builtin,
            class: tir::Class {
                name: c.qualified_name.clone(),
                symbol: c.descriptor_symbol.clone(),
                parent,
                id: c.id,
                id_max: c.id_max,
                slack_start: c.slack_start,
                fields,
                size: c.size,
                vtable,
                is_exception: c.is_exception,
                is_final: c.is_final,
                builtin,
                ids_at_load: c.ids_at_load,
                init_lends_self: c.init.as_ref().is_some_and(|i| i.lends_self),
            },
            inherited_fields,
            init,
        });
    }
    // Functions.
    for f in &ex.functions {
        let function = r.function(&f.symbol, &f.qualified_name, &f.params, &f.ret, f.can_raise)?;
        r.functions.push(ReadFunction {
            function: function.0,
            defaults: function.1,
            owner: Owner::Module {
                module: f.module.clone(),
                name: f.name.clone(),
            },
        });
    }
    // Globals.
    let mut globals = Vec::with_capacity(ex.globals.len());
    for g in &ex.globals {
        globals.push(ReadGlobal {
            global: tir::Global {
                name: g.qualified_name.clone(),
                symbol: g.symbol.clone(),
                ty: r.ty(&g.ty)?,
            },
            module: g.module.clone(),
            name: g.name.clone(),
        });
    }
    Ok(ReadCore {
        modules: ex.modules.clone(),
        classes,
        functions: r.functions,
        globals,
    })
}

struct Reader<'i> {
    bases: Bases,
    by_name: HashMap<String, ClassId>,
    by_symbol: HashMap<String, FuncId>,
    functions: Vec<ReadFunction>,
    intern: &'i mut dyn FnMut(&str) -> tir::StrId,
}

impl Reader<'_> {
    fn ty(&self, t: &TypeRef) -> Result<Type, String> {
        convert_type(t, &self.by_name)
    }

    /// The imported function implementing `symbol` (one per symbol, shared by the slots that inherit it).
    #[allow(clippy::too_many_arguments)]
    fn method(
        &mut self,
        symbol: &str,
        qualified: &str,
        name: &str,
        params: &[schema::Param],
        ret: &TypeRef,
        can_raise: bool,
        class: ClassId,
    ) -> Result<FuncId, String> {
        // Lowered even when the symbol is known: the defaults are interned in file order.
        let (function, defaults) = self.function(symbol, qualified, params, ret, can_raise)?;
        if let Some(&f) = self.by_symbol.get(symbol) {
            return Ok(f);
        }
        let fid = FuncId(self.bases.function + self.functions.len() as u32);
        // A method belongs to its class's module (`qualified` is `module.Class.method`).
        let module = qualified
            .rsplit_once('.')
            .and_then(|(owner, _)| owner.rsplit_once('.'))
            .map_or("", |(m, _)| m)
            .to_string();
        self.functions.push(ReadFunction {
            function,
            defaults,
            owner: Owner::Method {
                class,
                module,
                name: name.to_string(),
            },
        });
        self.by_symbol.insert(symbol.to_string(), fid);
        Ok(fid)
    }

    /// A function defined elsewhere: its signature (parameter locals), no body.
    fn function(
        &mut self,
        symbol: &str,
        qualified: &str,
        params: &[schema::Param],
        ret: &TypeRef,
        can_raise: bool,
    ) -> Result<(tir::Function, Vec<Option<tir::Expr>>), String> {
        let mut locals = Vec::with_capacity(params.len());
        let mut defaults = Vec::with_capacity(params.len());
        for p in params {
            let ty = self.ty(&p.ty)?;
            defaults.push(self.default(p.default.as_ref(), &ty));
            locals.push(tir::Local {
                name: p.name.clone(),
                ty,
            });
        }
        let function = tir::Function {
            name: qualified.to_string(),
            symbol: symbol.to_string(),
            params: (0..params.len() as u32).map(tir::LocalId).collect(),
            ret: self.ty(ret)?,
            locals,
            body: Vec::new(),
            can_raise,
        };
        Ok((function, defaults))
    }

    fn default(&mut self, d: Option<&schema::Literal>, ty: &Type) -> Option<tir::Expr> {
        Some(match d? {
            schema::Literal::Int(v) => tir::Expr::int(*v),
            schema::Literal::Float(v) => tir::Expr::new(tir::ExprKind::Float(*v), Type::Float),
            schema::Literal::Bool(v) => tir::Expr::bool(*v),
            schema::Literal::Str(s) => {
                tir::Expr::new(tir::ExprKind::Str((self.intern)(s)), ty.clone())
            }
            schema::Literal::None => tir::Expr::new(tir::ExprKind::None, ty.clone()),
        })
    }
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
