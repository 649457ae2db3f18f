//! Small TIR constructors shared by the checking modules. They only build
//! expressions: no checking state, no diagnostics.

use crate::rt::Rt;
use crate::tir::{self, BinaryOp, ExprKind, Type, UnaryOp};

pub(super) fn nonzero(len: tir::Expr) -> tir::Expr {
    tir::Expr::binary(BinaryOp::IntNe, len, tir::Expr::int(0), Type::Bool)
}

pub(super) fn to_float(e: tir::Expr) -> tir::Expr {
    if e.ty == Type::Int {
        tir::Expr::unary(UnaryOp::IntToFloat, e, Type::Float)
    } else {
        e
    }
}

pub(super) fn null_str() -> tir::Expr {
    tir::Expr::new(ExprKind::None, Type::Optional(Box::new(Type::Str)))
}

pub(super) fn block(stmts: Vec<tir::Stmt>, e: tir::Expr) -> tir::Expr {
    let ty = e.ty.clone();
    tir::Expr::new(ExprKind::Block(stmts, Box::new(e)), ty)
}

pub(super) fn and(a: tir::Expr, b: tir::Expr) -> tir::Expr {
    tir::Expr::new(ExprKind::And(Box::new(a), Box::new(b)), Type::Bool)
}

pub(super) fn not(a: tir::Expr) -> tir::Expr {
    tir::Expr::unary(UnaryOp::BoolNot, a, Type::Bool)
}

/// A list of a `tuple[T, ...]`'s elements (a new list each time).
pub(super) fn to_list(v: tir::Expr) -> tir::Expr {
    let Type::VarTuple(e) = v.ty.clone() else {
        unreachable!("to_list takes a tuple[T, ...]")
    };
    let is_ref = tir::Expr::bool(e.is_ref());
    tir::Expr::rt(Rt::TupleToList, vec![v, is_ref], Type::List(e))
}
