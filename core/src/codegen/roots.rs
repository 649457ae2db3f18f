//! Which reference values must sit in shadow-stack slots while other code runs.
//!
//! The collector is precise and finds live references only in shadow-stack
//! slots and static roots. Reference-typed locals always live in slots; this
//! module decides the rest: when an expression has evaluated a reference
//! operand and still has to evaluate further operands that may collect (or
//! allocates itself before using the operand, as a tuple does), the operand
//! is spilled to a temporary slot and reloaded afterwards, so that a moving
//! collector can update it in place. Operands that can simply be evaluated
//! again later (a literal's slot, a local not reassigned meanwhile, the null
//! constant) are re-read instead of spilled.
//!
//! The same [`operand_plan`] drives both the lowering and [`needs_frame`], so
//! the decision whether a function gets a shadow-stack frame at all cannot
//! disagree with the spills the lowering then performs. This module knows
//! nothing of Cranelift.

use std::collections::HashSet;

use crate::tir::{Expr, ExprKind, FuncId, Function, LocalId, Node, Stmt, walk_expr, walk_stmt};

/// What to do with one operand of a multi-operand expression.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum OperandPlan {
    /// Evaluate in order and keep the value in SSA: nothing after it can collect,
    /// or it is not a reference.
    Keep,
    /// Evaluate in order, store into a temporary slot, reload once every operand is done.
    Spill,
    /// Evaluate after the other operands instead: reading it later yields the same value.
    Reread,
}

/// The plan for `operands`, evaluated left to right; `allocates_after` when the
/// operation itself may collect before it consumes the operands (tuple creation).
/// `free` are the functions a call of which cannot collect
/// ([`crate::tir::Program::collect_free`]).
pub(crate) fn operand_plan(
    operands: &[&Expr],
    allocates_after: bool,
    free: &HashSet<FuncId>,
) -> Vec<OperandPlan> {
    // `gc_after[i]`: whether anything evaluated after operand `i` may collect.
    let mut gc_after = vec![allocates_after; operands.len()];
    for i in (0..operands.len().saturating_sub(1)).rev() {
        gc_after[i] = gc_after[i + 1] || may_collect(operands[i + 1], free);
    }
    operands
        .iter()
        .enumerate()
        .map(|(i, e)| {
            if !e.ty.is_ref() || !gc_after[i] {
                OperandPlan::Keep
            } else if rereadable(e, &operands[i + 1..]) {
                OperandPlan::Reread
            } else {
                OperandPlan::Spill
            }
        })
        .collect()
}

/// Whether `f` (function `id`) needs a shadow-stack frame: it may run the
/// collector (it is not in `free`, [`crate::tir::Program::collect_free`]) and
/// has reference locals, spills a temporary, or has a `finally` body (an
/// exception, or a returned reference, waits in a temporary slot while the
/// body runs). A function that cannot collect keeps its references in
/// registers: nothing can free or move what they point to while it runs.
pub(crate) fn needs_frame(f: &Function, id: FuncId, free: &HashSet<FuncId>) -> bool {
    !free.contains(&id)
        && (f.locals.iter().any(|l| l.ty.is_ref())
            || f.body
                .iter()
                .any(|s| stmt_spills(s, free) || has_finally(s)))
}

fn has_finally(s: &Stmt) -> bool {
    let mut found = false;
    walk_stmt(s, &mut |node| {
        if let Node::Stmt(Stmt::Try { finally_body, .. }) = node
            && !finally_body.is_empty()
        {
            found = true;
        }
    });
    found
}

/// The operands of a node evaluated left to right before the node consumes
/// them, and whether the node allocates before consuming them. Nodes with one
/// operand, or whose operands are consumed on separate control-flow paths,
/// have none.
pub(crate) fn expr_operands(e: &Expr) -> Option<(Vec<&Expr>, bool)> {
    match &e.kind {
        ExprKind::Binary(_, l, r) => Some((vec![&**l, &**r], false)),
        ExprKind::ListItem { list, index } => Some((vec![&**list, &**index], false)),
        ExprKind::Call(_, args)
        | ExprKind::RtCall(_, args)
        | ExprKind::CCall { args, .. }
        | ExprKind::VirtualCall { args, .. } => Some((args.iter().collect(), false)),
        ExprKind::CallIndirect { callee, args } => Some((
            std::iter::once(&**callee).chain(args.iter()).collect(),
            false,
        )),
        ExprKind::Tuple(elems) => Some((elems.iter().collect(), true)),
        _ => None,
    }
}

fn stmt_spills(s: &Stmt, free: &HashSet<FuncId>) -> bool {
    let mut found = false;
    walk_stmt(s, &mut |node| {
        let plan = match node {
            Node::Expr(e) => expr_operands(e).map(|(ops, alloc)| operand_plan(&ops, alloc, free)),
            Node::Stmt(Stmt::StoreField { base, value, .. }) => {
                Some(operand_plan(&[base, value], false, free))
            }
            Node::Stmt(_) => None,
        };
        if plan.is_some_and(|p| p.contains(&OperandPlan::Spill)) {
            found = true;
        }
    });
    found
}

/// Whether evaluating `e` may run the collector: anything that calls out or
/// allocates, but a call of a function in `free`. Conservative: every runtime
/// call counts, even of runtime functions that never allocate.
fn may_collect(e: &Expr, free: &HashSet<FuncId>) -> bool {
    let mut found = false;
    walk_expr(e, &mut |node| {
        if let Node::Expr(e) = node
            && match &e.kind {
                ExprKind::Call(f, _) => !free.contains(f),
                _ => matches!(
                    e.kind,
                    ExprKind::RtCall(..)
                        | ExprKind::Tuple(_)
                        | ExprKind::New(_)
                        | ExprKind::VirtualCall { .. }
                        | ExprKind::CallIndirect { .. }
                ),
            }
        {
            found = true;
        }
    });
    found
}

/// Whether `e` yields the same value when evaluated after `later` instead of before.
fn rereadable(e: &Expr, later: &[&Expr]) -> bool {
    match e.kind {
        // Literal slots are written once, before any user code runs.
        ExprKind::Str(_) | ExprKind::None => true,
        ExprKind::Local(id) => !later.iter().any(|l| assigns_local(l, id)),
        _ => false,
    }
}

fn assigns_local(e: &Expr, id: LocalId) -> bool {
    let mut found = false;
    walk_expr(e, &mut |node| {
        if let Node::Stmt(Stmt::AssignLocal(target, _)) = node
            && *target == id
        {
            found = true;
        }
    });
    found
}
