//! Evaluation order: Python evaluates a call's receiver, then its arguments
//! in the order they are written, keyword arguments included, whatever the
//! order of the parameters they bind to.
//!
//! The TIR passes arguments positionally, in parameter order. When a call
//! writes its keyword arguments in another order (`f(b=g(), a=h())`), the
//! arguments are hoisted into temporaries in source order (after the
//! receiver, when there is one) and the call reads the temporaries. Calls
//! whose arguments already appear in parameter order are left as they are.
//!
//! Comparisons keep their operands' order too: `x in y` evaluates `x`
//! first (the runtime's `contains` takes the container first), and a
//! comparison with `None` whose result the types decide (`p() is None` where
//! `p` returns `None`) still evaluates both operands.
//!
//! This module knows nothing of which callee is called: the call sites give
//! it the argument expressions they bound to parameter slots.

use ruff_python_ast::Expr;
use ruff_text_size::Ranged;

use super::checker::Checker;
use crate::tir::{self, ExprKind};

impl Checker<'_, '_> {
    /// Hoists `args` into temporaries in the source order of `bound` (the
    /// argument expression bound to each slot, `None` for a default) when
    /// that order is not the slots' order; `receiver`, when given, is hoisted
    /// first. `args[i]` is the checked `bound[i]` (or the default). Returns the
    /// statements to run before the call (none when nothing was out of order).
    pub(super) fn args_in_source_order(
        &mut self,
        bound: &[Option<&Expr>],
        args: &mut [tir::Expr],
        receiver: Option<&mut tir::Expr>,
    ) -> Vec<tir::Stmt> {
        let mut given: Vec<(usize, u32)> = bound
            .iter()
            .enumerate()
            .filter_map(|(i, b)| b.map(|e| (i, e.range().start().to_u32())))
            .collect();
        if given.windows(2).all(|w| w[0].1 < w[1].1) {
            return Vec::new();
        }
        let mut stmts = Vec::new();
        if let Some(recv) = receiver
            && !is_inert(recv)
        {
            let (s, t) = self.bind_temp(recv.clone());
            stmts.push(s);
            *recv = t;
        }
        given.sort_by_key(|&(_, start)| start);
        for (i, _) in given {
            if is_inert(&args[i]) {
                continue;
            }
            let (s, t) = self.bind_temp(args[i].clone());
            stmts.push(s);
            args[i] = t;
        }
        stmts
    }
}

impl Checker<'_, '_> {
    /// `f(v)`, where `v` is compared with `none_side`, an expression of type
    /// `None` (the literal, or a call of a procedure): `none_side` is still
    /// evaluated, before `v` when `none_first` (it was written on the left),
    /// else after it.
    pub(super) fn with_none_side(
        &mut self,
        none_first: bool,
        none_side: tir::Expr,
        v: tir::Expr,
        f: impl FnOnce(tir::Expr) -> tir::Expr,
    ) -> tir::Expr {
        if is_inert(&none_side) {
            return f(v);
        }
        if none_first {
            return after(vec![tir::Stmt::Expr(none_side)], f(v));
        }
        let (mut stmts, v) = first(self, v);
        stmts.push(tir::Stmt::Expr(none_side));
        after(stmts, f(v))
    }
}

/// `e`, bound to a temporary when something evaluated after it could
/// change its value or when evaluating it has effects: the statements to
/// run first, and the expression that reads the value.
pub(super) fn first(cx: &mut Checker<'_, '_>, e: tir::Expr) -> (Vec<tir::Stmt>, tir::Expr) {
    if is_inert(&e) || matches!(e.kind, ExprKind::Local(_)) {
        return (Vec::new(), e);
    }
    let (s, t) = cx.bind_temp(e);
    (vec![s], t)
}

/// `result`, after evaluating `l` then `r` for their effects (comparisons
/// whose outcome the operand types decide).
pub(super) fn both_then(l: tir::Expr, r: tir::Expr, result: tir::Expr) -> tir::Expr {
    let stmts = [l, r]
        .into_iter()
        .filter(|e| !is_inert(e) && !matches!(e.kind, ExprKind::Local(_)))
        .map(tir::Stmt::Expr)
        .collect();
    after(stmts, result)
}

/// Wraps `call` in a block that first runs `stmts` (hoisted arguments), if any.
pub(super) fn after(stmts: Vec<tir::Stmt>, call: tir::Expr) -> tir::Expr {
    if stmts.is_empty() {
        return call;
    }
    let ty = call.ty.clone();
    tir::Expr::new(ExprKind::Block(stmts, Box::new(call)), ty)
}

/// Whether evaluating `e` has no effect and cannot raise, and its value
/// cannot change by evaluating anything else first (a literal): such an
/// argument need not be hoisted.
fn is_inert(e: &tir::Expr) -> bool {
    matches!(
        e.kind,
        ExprKind::Int(_)
            | ExprKind::Float(_)
            | ExprKind::Bool(_)
            | ExprKind::None
            | ExprKind::Str(_)
    )
}
