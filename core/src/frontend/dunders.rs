//! Dunder methods: which ones a class may define and with which signatures,
//! the `__hash__` a class defining `__eq__` alone gets (it raises, as
//! CPython's `__hash__ = None` makes the class unhashable), and the checks
//! of the operations they serve (`==`, ordering, `len`, `hash`).
//!
//! Dunder methods are ordinary virtual methods; the backend copies them into
//! the class descriptor's dunder table (`layout::CLASS_DUNDERS`), where the
//! runtime's generic `str`, `repr`, `==`, ordering, `hash`, `len` and truth
//! test find them. This module knows nothing of that table's layout.

use ruff_python_ast as ast;
use ruff_text_size::TextRange;
use seam_abi::symbols::ItemKind;

use super::checker::{Checker, R};
use super::context::Context;
use super::defs::Param;
use crate::diag::FileId;
use crate::rt::{ExcKind, Rt};
use crate::tir::{self, ClassId, ExprKind, FuncId, Type};

/// The dunder methods a class may define, besides `__init__`.
pub(super) const SUPPORTED: [&str; 10] = [
    "__str__", "__repr__", "__eq__", "__ne__", "__hash__", "__lt__", "__le__", "__gt__", "__ge__",
    "__len__",
];

/// The ordering methods, in the runtime's `op` order (`<` is op 2 of `seam_instance_cmp`).
const ORDERING: [&str; 4] = ["__lt__", "__le__", "__gt__", "__ge__"];

/// Whether a method name is a dunder (`__x__`), `__init__` included.
pub(super) fn is_dunder(name: &str) -> bool {
    name.len() > 4 && name.starts_with("__") && name.ends_with("__")
}

impl Context<'_> {
    /// Checks the name and signature of a method that is a dunder (other than `__init__`).
    pub(super) fn check_dunder_signature(
        &mut self,
        file: FileId,
        def: &ast::StmtFunctionDef,
        params: &[Param],
        ret: &Type,
    ) {
        let name = def.name.id.as_str();
        if !is_dunder(name) || name == "__init__" {
            return;
        }
        let at = def.name.range;
        if !SUPPORTED.contains(&name) {
            self.error(
                file,
                at,
                format!(
                    "dunder method '{name}' is not supported (a class may define __init__, __str__, \
                     __repr__, __eq__, __ne__, __hash__, __lt__, __le__, __gt__, __ge__ and __len__)"
                ),
            );
            return;
        }
        let (want_params, want_ret, spelled) = match name {
            "__str__" | "__repr__" => (1, Type::Str, format!("def {name}(self) -> str")),
            "__hash__" | "__len__" => (1, Type::Int, format!("def {name}(self) -> int")),
            "__eq__" | "__ne__" => (
                2,
                Type::Bool,
                format!("def {name}(self, other: object) -> bool"),
            ),
            _ => (
                2,
                Type::Bool,
                format!("def {name}(self, other: C) -> bool, where C is a class or object"),
            ),
        };
        let other_ok = match (name, params.get(1)) {
            (_, None) => want_params == 1,
            ("__eq__" | "__ne__", Some(p)) => p.ty == Type::Object,
            (_, Some(p)) => matches!(p.ty, Type::Object | Type::Instance(_)),
        };
        if params.len() != want_params
            || !other_ok
            || *ret != want_ret
            || params.iter().any(|p| p.default.is_some())
        {
            self.error(
                file,
                at,
                format!("dunder method '{name}' must be declared as '{spelled}'"),
            );
        }
    }

    /// Whether `f` is the `__hash__` [`Context::unhashable_hash`] synthesized (for a class of
    /// this program or of the core an extension is checked against: its symbol says so).
    pub(super) fn is_unhashable_hash(&self, f: FuncId) -> bool {
        self.program.functions[f.0 as usize]
            .symbol
            .starts_with(&ItemKind::Synthesized.prefix())
    }

    /// A class that defines `__eq__` but not `__hash__` is unhashable, as in CPython:
    /// its `__hash__` (inherited by subclasses that define neither) raises
    /// `TypeError: unhashable type: 'C'`.
    pub(super) fn unhashable_hash(&mut self, cid: ClassId, at: TextRange) -> Option<FuncId> {
        let info = self.class(cid);
        if !info.methods.contains_key("__eq__") || info.methods.contains_key("__hash__") {
            return None;
        }
        let module = info.module?;
        let class_name = info.name.clone();
        let module_name = self.module(module).name.clone();
        let msg = self.intern(&format!("unhashable type: '{class_name}'"));
        let raise = tir::Expr::rt(
            Rt::RaiseBuiltin,
            vec![
                tir::Expr::int(ExcKind::TypeError as i64),
                tir::Expr::new(ExprKind::Str(msg), Type::Str),
            ],
            Type::None,
        );
        let value = tir::Expr::new(
            ExprKind::Block(vec![tir::Stmt::Expr(raise)], Box::new(tir::Expr::int(-1))),
            Type::Int,
        );
        Some(self.synthesized_getter(cid, &module_name, &class_name, "__hash__", value, at))
    }
}

/// Whether values of type `t` may be dict keys: `int`, `str`, `bool`, class instances
/// (hashed by `__hash__`, by identity by default) and tuples of keys.
pub(super) fn is_dict_key(t: &Type) -> bool {
    match t {
        Type::Int | Type::Str | Type::Bool | Type::Instance(_) => true,
        Type::Tuple(ts) => ts.iter().all(is_dict_key),
        Type::VarTuple(t) => is_dict_key(t),
        _ => false,
    }
}

/// A new empty dict of type `dict[k, v]`: `int` and `str` keys have the runtime's
/// fast paths, other keys go by their type code.
pub(super) fn new_dict(k: &Type, v: &Type) -> tir::Expr {
    let ty = Type::Dict(Box::new(k.clone()), Box::new(v.clone()));
    match k {
        Type::Int | Type::Str => tir::Expr::rt(
            Rt::DictNew,
            vec![
                tir::Expr::bool(*k == Type::Str),
                tir::Expr::bool(v.is_ref()),
            ],
            ty,
        ),
        _ => tir::Expr::rt(
            Rt::DictNewKeyed,
            vec![tir::Expr::type_code(k.clone()), tir::Expr::bool(v.is_ref())],
            ty,
        ),
    }
}

/// `op` of `seam_instance_cmp` for an ordering operator, and the method it needs.
pub(super) fn ordering_op(op: ast::CmpOp) -> Option<(i64, &'static str, &'static str)> {
    let i = match op {
        ast::CmpOp::Lt => 0,
        ast::CmpOp::LtE => 1,
        ast::CmpOp::Gt => 2,
        ast::CmpOp::GtE => 3,
        _ => return None,
    };
    Some((2 + i as i64, ORDERING[i], ORDERING[i ^ 2]))
}

impl Checker<'_, '_> {
    /// Whether a class (or an ancestor) has method `name`.
    fn has_method(&self, c: ClassId, name: &str) -> bool {
        self.cx.find_method(c, name).is_some()
    }

    /// The parameter type of a class's binary dunder method, if it has one.
    fn dunder_param(&self, c: ClassId, name: &str) -> Option<Type> {
        let (_, entry) = self.cx.find_method(c, name)?;
        let sig = self.cx.func_sigs[entry.func.0 as usize].as_ref()?;
        sig.params.get(1).map(|p| p.ty.clone())
    }

    /// `a == b` / `a != b` where either side is an instance or `object`: CPython's
    /// rich comparison at run time. The other side must be an instance, `object`
    /// or `None` (an `object` cannot hold an `int` or a `str`).
    pub(super) fn instance_equality(
        &mut self,
        ne: bool,
        l: tir::Expr,
        r: tir::Expr,
        range: TextRange,
    ) -> R<tir::Expr> {
        let ok = |t: &Type| match t {
            Type::Instance(_) | Type::Object | Type::None => true,
            Type::Optional(inner) => matches!(**inner, Type::Instance(_)),
            _ => false,
        };
        if !ok(&l.ty) || !ok(&r.ty) {
            return Err(self.error(
                range,
                format!(
                    "cannot compare {} and {} with '{}': a class instance compares only with \
                     instances, object and None",
                    self.type_name(&l.ty),
                    self.type_name(&r.ty),
                    if ne { "!=" } else { "==" }
                ),
            ));
        }
        // A `None`-typed operand (a procedure's call, say) is still evaluated, in order.
        let as_object = |e: tir::Expr| match e.ty {
            Type::None if matches!(e.kind, ExprKind::None) => {
                tir::Expr::new(ExprKind::None, Type::Object)
            }
            Type::None => tir::Expr::new(
                ExprKind::Block(
                    vec![tir::Stmt::Expr(e)],
                    Box::new(tir::Expr::new(ExprKind::None, Type::Object)),
                ),
                Type::Object,
            ),
            _ => tir::Expr::new(e.kind, Type::Object),
        };
        Ok(tir::Expr::rt(
            Rt::InstanceEq,
            vec![as_object(l), as_object(r), tir::Expr::int(ne as i64)],
            Type::Bool,
        ))
    }

    /// `a < b` (and `<=`, `>`, `>=`) on instances: the left operand's class must
    /// define the method, or the right operand's its reflection, accepting the other side.
    pub(super) fn instance_ordering(
        &mut self,
        op: ast::CmpOp,
        l: tir::Expr,
        r: tir::Expr,
        range: TextRange,
    ) -> R<tir::Expr> {
        let Some((code, method, reflected)) = ordering_op(op) else {
            unreachable!("called for ordering operators only")
        };
        let (Type::Instance(a), Type::Instance(b)) = (l.ty.clone(), r.ty.clone()) else {
            return Err(self.error(
                range,
                format!(
                    "'{}' is not supported between {} and {}",
                    op.as_str(),
                    self.type_name(&l.ty),
                    self.type_name(&r.ty)
                ),
            ));
        };
        let accepts = |this: &Self, c: ClassId, name: &str, other: ClassId| match this
            .dunder_param(c, name)
        {
            Some(Type::Object) => true,
            Some(Type::Instance(p)) => this.cx.is_subclass(other, p),
            _ => false,
        };
        let forward = self.has_method(a, method) && accepts(self, a, method, b);
        let backward = self.has_method(b, reflected) && accepts(self, b, reflected, a);
        if !forward && !backward {
            return Err(self.error(
                range,
                format!(
                    "'{}' is not supported between instances of {} and {} (define {method} \
                     taking {})",
                    op.as_str(),
                    self.type_name(&l.ty),
                    self.type_name(&r.ty),
                    self.type_name(&r.ty)
                ),
            ));
        }
        Ok(tir::Expr::rt(
            Rt::InstanceCmp,
            vec![l, r, tir::Expr::int(code)],
            Type::Bool,
        ))
    }

    /// Whether instances of `c` can be sorted (and passed to `min`): `a < b` works.
    pub(super) fn instances_orderable(&self, c: ClassId, method: &str) -> bool {
        match self.dunder_param(c, method) {
            Some(Type::Object) => true,
            Some(Type::Instance(p)) => self.cx.is_subclass(c, p),
            _ => false,
        }
    }

    /// `len(x)` of an instance: its class must define `__len__`.
    pub(super) fn instance_len(
        &mut self,
        v: tir::Expr,
        c: ClassId,
        range: TextRange,
    ) -> R<tir::Expr> {
        if !self.has_method(c, "__len__") {
            return Err(self.error(
                range,
                format!(
                    "object of type {} has no len() (define __len__)",
                    self.type_name(&v.ty)
                ),
            ));
        }
        Ok(tir::Expr::rt(Rt::InstanceLen, vec![v], Type::Int))
    }

    /// `hash(x)`: ints, floats, bools, strs, None, tuples of those, and instances.
    pub(super) fn hash_of(&mut self, v: tir::Expr, range: TextRange) -> R<tir::Expr> {
        fn hashable(t: &Type) -> bool {
            match t {
                Type::Int | Type::Float | Type::Bool | Type::Str | Type::None => true,
                Type::Instance(_) | Type::Object => true,
                Type::Optional(inner) => hashable(inner),
                Type::Tuple(ts) => ts.iter().all(hashable),
                Type::VarTuple(t) => hashable(t),
                _ => false,
            }
        }
        if !hashable(&v.ty) {
            return Err(self.error(range, format!("unhashable type: {}", self.type_name(&v.ty))));
        }
        let t = v.ty.clone();
        Ok(tir::Expr::rt(
            Rt::Hash,
            vec![v, tir::Expr::type_code(t)],
            Type::Int,
        ))
    }
}
