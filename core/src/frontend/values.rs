//! Small TIR constructors shared by the checking modules. They only build
//! expressions: no checking state, no diagnostics.

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
