//! Optional value types (`int | None`, `float | None`, `bool | None`): they
//! are boxed, so `None` can be told apart from every value. Boxing where a
//! value meets an optional, unboxing where narrowing says it is not `None`,
//! the operands of `==` between an optional and a value, and `dict.get`
//! returning a boxed value.

use ruff_python_ast::CmpOp;

use super::checker::Checker;
use super::values::block;
use crate::layout;
use crate::rt::Rt;
use crate::tir::{self, ExprKind, Type};

/// Whether `t` is a value type whose optional is boxed.
pub(super) fn is_boxed(t: &Type) -> bool {
    matches!(t, Type::Int | Type::Float | Type::Bool)
}

/// A value of type `T` as a `T | None` (`target`): a box for value types, the
/// reference itself otherwise.
pub(super) fn to_optional(v: tir::Expr, target: &Type) -> tir::Expr {
    if is_boxed(&v.ty) {
        tir::Expr::rt(Rt::BoxNew, vec![v], target.clone())
    } else {
        tir::Expr::new(v.kind, target.clone())
    }
}

/// The `inner` value of a non-null optional `v`.
pub(super) fn from_optional(v: tir::Expr, inner: &Type) -> tir::Expr {
    if is_boxed(inner) {
        tir::Expr::field(v, layout::BOX_VALUE, inner.clone())
    } else {
        tir::Expr::new(v.kind, inner.clone())
    }
}

/// A value read under a narrowing to `narrowed`: unboxed when an optional value
/// type is known not to be `None`, else only seen at its narrower type.
pub(super) fn narrow_value(v: tir::Expr, narrowed: Type) -> tir::Expr {
    match &v.ty {
        Type::Optional(inner) if **inner == narrowed && is_boxed(inner) => {
            from_optional(v, &narrowed)
        }
        _ => tir::Expr::new(v.kind, narrowed),
    }
}

/// `==`/`!=` between `T | None` and `T` for a boxed `T`: the plain side is
/// boxed too, so the generic equality compares two optionals.
pub(super) fn optional_operands(op: CmpOp, l: tir::Expr, r: tir::Expr) -> (tir::Expr, tir::Expr) {
    if !matches!(op, CmpOp::Eq | CmpOp::NotEq) {
        return (l, r);
    }
    match (&l.ty, &r.ty) {
        (Type::Optional(i), t) if **i == *t && is_boxed(t) => {
            let ty = l.ty.clone();
            (l, to_optional(r, &ty))
        }
        (t, Type::Optional(i)) if **i == *t && is_boxed(t) => {
            let ty = r.ty.clone();
            (to_optional(l, &ty), r)
        }
        _ => (l, r),
    }
}

impl<'c, 'a> Checker<'c, 'a> {
    /// `d.get(k)` for `int`, `float` or `bool` values: a boxed `V | None`.
    pub(super) fn dict_get_boxed(&mut self, d: tir::Expr, key: tir::Expr, v: Type) -> tir::Expr {
        let opt = Type::Optional(Box::new(v.clone()));
        let (s1, d) = self.bind_temp(d);
        let (s2, k) = self.bind_temp(key);
        let found = tir::Expr::rt(Rt::DictContains, vec![d.clone(), k.clone()], Type::Bool);
        let value = tir::Expr::rt(Rt::DictGetItem, vec![d, k], v);
        block(
            vec![s1, s2],
            tir::Expr::new(
                ExprKind::IfElse {
                    cond: Box::new(found),
                    then: Box::new(to_optional(value, &opt)),
                    otherwise: Box::new(tir::Expr::new(ExprKind::None, opt.clone())),
                },
                opt,
            ),
        )
    }
}
