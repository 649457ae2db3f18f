//! Counters: `int` locals whose overflow checks can be dropped.
//!
//! A local that is not a parameter, and whose every assignment in the function
//! is either a small literal (`i = 0`) or a step of one (`i += 1`, `i = i - 1`,
//! `i = 1 + i`), holds at any moment a value within [`COUNTER_START`] plus the
//! number of steps executed so far in this activation. Reaching 2**62 takes
//! 2**62 executed steps, over a century at one step per nanosecond: no run
//! gets there. So `i + c` and `i - c` with a literal `|c| <=` [`COUNTER_START`]
//! cannot overflow, and need no check; CPython's result and this one agree on
//! every run that can happen. Loop counters are the commonest checked operation
//! in interpreter code (`while i < n: ...; i += 1`), which is why this exists.
//!
//! This module knows nothing of Cranelift.

use crate::tir::{BinaryOp, Expr, ExprKind, Function, LocalId, Stmt, Type};
use crate::tir::{Node, walk_stmt};

/// The largest literal magnitude a counter may be assigned, and the largest
/// addend of a counter whose check is dropped (2**32).
pub(crate) const COUNTER_START: i64 = 1 << 32;

/// For each local of `f`, whether it is a counter (see the module docs).
pub(crate) fn counters(f: &Function) -> Vec<bool> {
    let mut counter: Vec<bool> = f.locals.iter().map(|l| l.ty == Type::Int).collect();
    for &p in &f.params {
        counter[p.0 as usize] = false;
    }
    for s in &f.body {
        walk_stmt(s, &mut |node| {
            if let Node::Stmt(Stmt::AssignLocal(id, value)) = node
                && !is_counter_update(*id, value)
            {
                counter[id.0 as usize] = false;
            }
        });
    }
    counter
}

/// Whether `value`, assigned to `id`, keeps it a counter: a small literal, or
/// `id` plus or minus one.
fn is_counter_update(id: LocalId, value: &Expr) -> bool {
    let is_self = |e: &Expr| matches!(e.kind, ExprKind::Local(l) if l == id);
    let is_unit = |e: &Expr| matches!(e.kind, ExprKind::Int(1 | -1));
    match &value.kind {
        ExprKind::Int(c) => c.unsigned_abs() <= COUNTER_START.unsigned_abs(),
        ExprKind::Binary(BinaryOp::IntAddChecked, l, r) => {
            (is_self(l) && is_unit(r)) || (is_unit(l) && is_self(r))
        }
        ExprKind::Binary(BinaryOp::IntSubChecked, l, r) => is_self(l) && is_unit(r),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tir::Local;

    fn local(i: u32) -> Expr {
        Expr::new(ExprKind::Local(LocalId(i)), Type::Int)
    }

    fn int(c: i64) -> Expr {
        Expr::new(ExprKind::Int(c), Type::Int)
    }

    fn bin(op: BinaryOp, l: Expr, r: Expr) -> Expr {
        Expr::new(ExprKind::Binary(op, Box::new(l), Box::new(r)), Type::Int)
    }

    fn function(params: Vec<LocalId>, nlocals: u32, body: Vec<Stmt>) -> Function {
        Function {
            name: "m.f".into(),
            symbol: "f".into(),
            params,
            ret: Type::None,
            locals: (0..nlocals)
                .map(|i| Local {
                    name: format!("x{i}"),
                    ty: Type::Int,
                })
                .collect(),
            body,
            can_raise: true,
        }
    }

    #[test]
    fn only_literals_and_unit_steps_make_a_counter() {
        use BinaryOp::{IntAddChecked, IntSubChecked};
        let assign = |i: u32, e: Expr| Stmt::AssignLocal(LocalId(i), e);
        let body = vec![
            // 0: a counter, stepped both ways, inside a loop.
            assign(0, int(0)),
            Stmt::While {
                cond: Expr::new(ExprKind::Bool(true), Type::Bool),
                body: vec![
                    assign(0, bin(IntAddChecked, local(0), int(1))),
                    assign(0, bin(IntSubChecked, local(0), int(1))),
                    assign(0, bin(IntAddChecked, int(-1), local(0))),
                ],
            },
            // 1: steps by two.
            assign(1, int(0)),
            assign(1, bin(IntAddChecked, local(1), int(2))),
            // 2: a large literal.
            assign(2, int(COUNTER_START + 1)),
            // 3: copies another counter.
            assign(3, local(0)),
            // 4: steps by one from another local.
            assign(4, bin(IntAddChecked, local(0), int(1))),
            // 5: a parameter, stepped by one.
            assign(5, bin(IntAddChecked, local(5), int(1))),
            // 6: `1 - x` is no step.
            assign(6, int(0)),
            assign(6, bin(IntSubChecked, int(1), local(6))),
        ];
        let f = function(vec![LocalId(5)], 7, body);
        assert_eq!(
            counters(&f),
            [true, false, false, false, false, false, false]
        );
    }
}
