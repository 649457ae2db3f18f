//! `tuple[T, ...]`: tuples whose length is known only at run time.
//!
//! A fixed tuple (`tuple[int, str]`) has its length in its type, so its
//! elements are fields at constant offsets. A `tuple[T, ...]` is the same
//! object with one element type: `tuple(iterable)` makes one, and a fixed
//! tuple whose elements all have type `T` (or subclasses of it, or none at
//! all: `()`) is one without conversion. Indexing goes through the runtime
//! (bounds-checked, `IndexError: tuple index out of range`); iteration,
//! slicing, `in`, `+` and `*` work on a list snapshot of the elements and
//! make a tuple of the result; `==`, ordering, hashing, printing and
//! formatting are the runtime's generic helpers, driven by the type code `u<T>`.

use ruff_python_ast::{self as ast, Expr, Operator};
use ruff_text_size::{Ranged, TextRange};

use super::checker::{Checker, R};
use super::iterplan::Source;
use super::values::to_list;
use crate::rt::Rt;
use crate::tir::{self, ExprKind, Type};

/// The `tuple[T, ...]` of a list's elements.
fn from_list(l: tir::Expr) -> tir::Expr {
    let Type::List(e) = l.ty.clone() else {
        unreachable!("from_list takes a list")
    };
    tir::Expr::rt(Rt::TupleFromList, vec![l], Type::VarTuple(e))
}

/// The one element type of a fixed tuple type, when it has one.
fn uniform(ts: &[Type]) -> Option<&Type> {
    let first = ts.first()?;
    ts.iter().all(|t| t == first).then_some(first)
}

impl Checker<'_, '_> {
    /// A fixed tuple (or a `tuple[S, ...]`) as a `tuple[T, ...]`, when no
    /// element needs converting: equal types, subclass instances, or no
    /// elements at all.
    pub(super) fn coerce_var_tuple(&self, v: &tir::Expr, elem: &Type) -> Option<tir::Expr> {
        let fits = |t: &Type| {
            t == elem
                || matches!((t, elem), (Type::Instance(s), Type::Instance(b)) if self.cx.is_subclass(*s, *b))
        };
        let ok = match &v.ty {
            Type::Tuple(ts) => ts.iter().all(fits),
            Type::VarTuple(t) => fits(t),
            _ => false,
        };
        ok.then(|| tir::Expr::new(v.kind.clone(), Type::VarTuple(Box::new(elem.clone()))))
    }

    /// `tuple()` and `tuple(iterable)`.
    pub(super) fn tuple_call(
        &mut self,
        c: &ast::ExprCall,
        expected: Option<&Type>,
    ) -> R<tir::Expr> {
        let args = self.positional(c, "tuple", 0, 1)?;
        let elem = match expected {
            Some(Type::VarTuple(e)) => Some((**e).clone()),
            _ => None,
        };
        let [x] = args else {
            return match elem {
                Some(e) => Ok(tir::Expr::new(
                    ExprKind::Tuple(vec![]),
                    Type::VarTuple(Box::new(e)),
                )),
                None => Err(self.error(
                    c.range(),
                    "cannot infer the element type of tuple(): annotate the variable, e.g. 't: tuple[int, ...] = tuple()'",
                )),
            };
        };
        let generated = matches!(x, Expr::Generator(_))
            || matches!(x, Expr::Call(call) if matches!(call.func.as_ref(),
                Expr::Name(n) if matches!(n.id.as_str(), "range" | "enumerate" | "zip" | "reversed")
                    && !self.is_shadowed(n.id.as_str())));
        if generated {
            let l = self.collect_list(Source::of(x), elem.as_ref(), x.range())?;
            return Ok(from_list(l));
        }
        let v = self.expr(x, None)?;
        match v.ty.clone() {
            // CPython returns the tuple itself.
            Type::VarTuple(_) => Ok(v),
            Type::Tuple(ts) => match uniform(&ts) {
                Some(t) => {
                    let t = t.clone();
                    Ok(self
                        .coerce_var_tuple(&v, &t)
                        .expect("a uniform tuple fits its element type"))
                }
                None if ts.is_empty() => match elem {
                    Some(e) => Ok(tir::Expr::new(v.kind, Type::VarTuple(Box::new(e)))),
                    None => Err(self.error(
                        c.range(),
                        "cannot infer the element type of tuple(()): annotate the variable",
                    )),
                },
                None => Err(self.error(
                    x.range(),
                    format!(
                        "tuple() of a {} would mix element types: a tuple[T, ...] has one",
                        self.type_name(&v.ty)
                    ),
                )),
            },
            _ => {
                let l = self.list_of(v, x.range())?;
                Ok(from_list(l))
            }
        }
    }

    /// `t[i]` and `t[a:b:c]` on a `tuple[T, ...]`.
    pub(super) fn var_tuple_subscript(
        &mut self,
        t: tir::Expr,
        s: &ast::ExprSubscript,
    ) -> R<tir::Expr> {
        let Type::VarTuple(e) = t.ty.clone() else {
            unreachable!("var_tuple_subscript takes a tuple[T, ...]")
        };
        if let Expr::Slice(sl) = s.slice.as_ref() {
            let [lo, hi, step] = self.slice_bounds(sl)?;
            let l = to_list(t);
            let ty = l.ty.clone();
            return Ok(from_list(tir::Expr::rt(
                Rt::ListSlice,
                vec![l, lo, hi, step],
                ty,
            )));
        }
        let i = self.expr_as(&s.slice, &Type::Int)?;
        Ok(tir::Expr::rt(Rt::TupleGetItem, vec![t, i], *e))
    }

    /// `t + u` and `t * n` when either side is a `tuple[T, ...]` (`None` when neither is).
    pub(super) fn var_tuple_binary(
        &mut self,
        op: Operator,
        l: &tir::Expr,
        r: &tir::Expr,
        range: TextRange,
    ) -> Option<R<tir::Expr>> {
        let elem = match (&l.ty, &r.ty) {
            (Type::VarTuple(e), _) | (_, Type::VarTuple(e)) => (**e).clone(),
            _ => return None,
        };
        let as_var = |this: &Self, v: &tir::Expr| this.coerce_var_tuple(v, &elem);
        Some(match (op, &l.ty, &r.ty) {
            (Operator::Add, _, _) => match (as_var(self, l), as_var(self, r)) {
                (Some(a), Some(b)) => {
                    let (a, b) = (to_list(a), to_list(b));
                    let ty = a.ty.clone();
                    Ok(from_list(tir::Expr::rt(Rt::ListConcat, vec![a, b], ty)))
                }
                _ => Err(self.error(
                    range,
                    format!(
                        "cannot concatenate {} and {}: the elements must have one type",
                        self.type_name(&l.ty),
                        self.type_name(&r.ty)
                    ),
                )),
            },
            (Operator::Mult, Type::VarTuple(_), Type::Int) => {
                let a = to_list(l.clone());
                let ty = a.ty.clone();
                Ok(from_list(tir::Expr::rt(
                    Rt::ListRepeat,
                    vec![a, r.clone()],
                    ty,
                )))
            }
            (Operator::Mult, Type::Int, Type::VarTuple(_)) => {
                let a = to_list(r.clone());
                let ty = a.ty.clone();
                Ok(from_list(tir::Expr::rt(
                    Rt::ListRepeat,
                    vec![a, l.clone()],
                    ty,
                )))
            }
            _ => Err(self.unsupported_operands(op, &l.ty, &r.ty, range)),
        })
    }
}
