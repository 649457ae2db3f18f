//! Integers: `seam.intmask(expr)` and the numeric builtins `divmod`, `pow`,
//! `round`, `hex`, `oct` and `bin`.
//!
//! `int` arithmetic is checked (see [`crate::tir::BinaryOp::IntAddChecked`]):
//! where CPython would produce an integer that does not fit in 64 bits, the
//! translation raises `OverflowError`. `intmask(expr)` asks for wrapping
//! instead, as RPython's `intmask`: under CPython the shim reduces the exact
//! value to a signed 64-bit one, and translated, the operators of the
//! argument's *operator tree* (its binary and unary operators, down to the
//! first operand that is anything else: a name, a call, an attribute...)
//! wrap. That agrees with CPython exactly for the operators whose result
//! modulo 2**64 depends only on their operands modulo 2**64: `+ - * & | ^ ~`,
//! unary minus, and `<<` and `**` in their left operand (their right operand
//! is evaluated as usual, checked). The others (`//`, `%`, `>>`, `/`) would
//! see a wrapped intermediate where CPython sees the exact one, so they are
//! refused inside the tree when an operand is itself an operation; applied to
//! leaves (`a >> 2`), they are a leaf. Leaves are checked as everywhere else.

use ruff_python_ast::{self as ast, Expr, Operator};
use ruff_text_size::Ranged;

use super::checker::{Checker, R};
use super::values::to_float;
use crate::rt::{ExcKind, Rt};
use crate::tir::{self, BinaryOp, ExprKind, Type, UnaryOp};

impl Checker<'_, '_> {
    /// `intmask(x)`: `x` with the arithmetic of its operator tree wrapping.
    pub(super) fn intmask(&mut self, c: &ast::ExprCall) -> R<tir::Expr> {
        let [x] = self.positional(c, "intmask", 1, 1)? else {
            unreachable!("positional checked the count")
        };
        let v = self.wrapping_tree(x)?;
        if v.ty != Type::Int {
            let t = v.ty.clone();
            return Err(self.error(
                x.range(),
                format!("intmask() takes an int, not {}", self.type_name(&t)),
            ));
        }
        Ok(v)
    }

    fn wrapping_tree(&mut self, e: &Expr) -> R<tir::Expr> {
        self.enter(e.range())?;
        let r = self.wrapping_tree_inner(e);
        self.depth -= 1;
        r
    }

    fn wrapping_tree_inner(&mut self, e: &Expr) -> R<tir::Expr> {
        match e {
            Expr::BinOp(b) => {
                let (l, r) = match b.op {
                    Operator::Add
                    | Operator::Sub
                    | Operator::Mult
                    | Operator::BitAnd
                    | Operator::BitOr
                    | Operator::BitXor => {
                        let l = self.wrapping_tree(&b.left)?;
                        (l, self.wrapping_tree(&b.right)?)
                    }
                    // The exponent and the shift count must be exact.
                    Operator::Pow | Operator::LShift => {
                        let l = self.wrapping_tree(&b.left)?;
                        (l, self.expr(&b.right, None)?)
                    }
                    // Exact operands (no operator inside): an ordinary, checked leaf.
                    _ if !is_operator(&b.left) && !is_operator(&b.right) => {
                        return self.expr(e, None);
                    }
                    op => {
                        return Err(self.error(
                            b.range,
                            format!(
                                "'{}' inside intmask() would see wrapped operands where CPython \
                                 sees exact ones: compute it outside intmask() (in a variable)",
                                op.as_str()
                            ),
                        ));
                    }
                };
                let v = self.binary(b.op, l, r, b.range)?;
                Ok(wrapping(v))
            }
            Expr::UnaryOp(u) if u.op != ast::UnaryOp::Not => {
                let v = self.wrapping_tree(&u.operand)?;
                if v.ty != Type::Int {
                    let t = v.ty.clone();
                    return Err(self.error(
                        u.range,
                        format!(
                            "intmask() takes an int: bad operand type for unary '{}': {}",
                            u.op.as_str(),
                            self.type_name(&t)
                        ),
                    ));
                }
                Ok(match u.op {
                    ast::UnaryOp::USub => tir::Expr::unary(UnaryOp::IntNeg, v, Type::Int),
                    ast::UnaryOp::Invert => tir::Expr::unary(UnaryOp::IntInvert, v, Type::Int),
                    _ => v,
                })
            }
            _ => self.expr(e, None),
        }
    }

    /// `divmod`, `pow`, `round`, `hex`, `oct`, `bin`; `None` for other names.
    pub(super) fn numeric_builtin(
        &mut self,
        name: &str,
        c: &ast::ExprCall,
    ) -> Option<R<tir::Expr>> {
        Some(match name {
            "divmod" => self.divmod(c),
            "pow" => self.pow(c),
            "round" => self.round(c),
            "hex" => self.int_to_base(c, name, 16),
            "oct" => self.int_to_base(c, name, 8),
            "bin" => self.int_to_base(c, name, 2),
            _ => return None,
        })
    }

    /// The two operands of a numeric builtin, `int` or `float` (not `bool`,
    /// which the language keeps out of arithmetic).
    fn numeric_pair(&mut self, c: &ast::ExprCall, fname: &str) -> R<(tir::Expr, tir::Expr)> {
        let [a, b] = self.positional(c, fname, 2, 2)? else {
            unreachable!("positional checked the count")
        };
        let l = self.expr(a, None)?;
        let r = self.expr(b, None)?;
        for (v, e) in [(&l, a), (&r, b)] {
            match &v.ty {
                Type::Int | Type::Float => {}
                Type::Bool => {
                    return Err(self.error(
                        e.range(),
                        format!("no arithmetic on bool ({fname}() of a bool): convert with int(b)"),
                    ));
                }
                t => {
                    let t = t.clone();
                    return Err(self.not_narrowed_or(
                        e.range(),
                        &t,
                        &format!("is not a number ({fname}() takes int or float)"),
                    ));
                }
            }
        }
        Ok((l, r))
    }

    /// `divmod(a, b)`: `(a // b, a % b)`.
    fn divmod(&mut self, c: &ast::ExprCall) -> R<tir::Expr> {
        let (l, r) = self.numeric_pair(c, "divmod")?;
        let ints = l.ty == Type::Int && r.ty == Type::Int;
        let (l, r) = if ints {
            (l, r)
        } else {
            (to_float(l), to_float(r))
        };
        let (sl, tl) = self.bind_temp(l);
        let (sr, tr) = self.bind_temp(r);
        let mut stmts = vec![sl, sr];
        let (div, rem, ty) = if ints {
            (Rt::IntFloorDiv, Rt::IntMod, Type::Int)
        } else {
            // CPython names divmod in its message, not floor division.
            let zero = self.raise_msg(ExcKind::ZeroDivisionError, "float divmod()");
            stmts.push(tir::Stmt::If {
                cond: tir::Expr::binary(
                    BinaryOp::FloatEq,
                    tr.clone(),
                    tir::Expr::new(ExprKind::Float(0.0), Type::Float),
                    Type::Bool,
                ),
                then_body: vec![tir::Stmt::Expr(zero)],
                else_body: Vec::new(),
            });
            (Rt::FloatFloorDiv, Rt::FloatMod, Type::Float)
        };
        let q = tir::Expr::rt(div, vec![tl.clone(), tr.clone()], ty.clone());
        let m = tir::Expr::rt(rem, vec![tl, tr], ty.clone());
        let pair = tir::Expr::new(
            ExprKind::Tuple(vec![q, m]),
            Type::Tuple(vec![ty.clone(), ty]),
        );
        let t = pair.ty.clone();
        Ok(tir::Expr::new(ExprKind::Block(stmts, Box::new(pair)), t))
    }

    /// `pow(a, b)`: `a ** b` (three arguments are refused).
    fn pow(&mut self, c: &ast::ExprCall) -> R<tir::Expr> {
        if c.arguments.args.len() == 3 {
            return Err(self.error(
                c.range(),
                "pow() with a modulus is not supported: use (a ** b) % m",
            ));
        }
        let (l, r) = self.numeric_pair(c, "pow")?;
        self.binary(Operator::Pow, l, r, c.range())
    }

    /// `round(x)` and `round(x, ndigits)`.
    fn round(&mut self, c: &ast::ExprCall) -> R<tir::Expr> {
        let args = self.positional(c, "round", 1, 2)?;
        let x = &args[0];
        let v = self.expr(x, None)?;
        let digits = match args.get(1) {
            Some(n) => Some(self.expr_as(n, &Type::Int)?),
            None => None,
        };
        Ok(match (&v.ty, digits) {
            (Type::Int, None) => v,
            (Type::Int, Some(n)) => tir::Expr::rt(Rt::IntRoundDigits, vec![v, n], Type::Int),
            (Type::Float, None) => tir::Expr::rt(Rt::FloatRound, vec![v], Type::Int),
            (Type::Float, Some(n)) => tir::Expr::rt(Rt::FloatRoundDigits, vec![v, n], Type::Float),
            (t, _) => {
                let t = t.clone();
                return Err(self.not_narrowed_or(
                    x.range(),
                    &t,
                    "cannot be rounded (round() takes int or float)",
                ));
            }
        })
    }

    fn int_to_base(&mut self, c: &ast::ExprCall, fname: &str, base: i64) -> R<tir::Expr> {
        let [x] = self.positional(c, fname, 1, 1)? else {
            unreachable!("positional checked the count")
        };
        let v = self.expr_as(x, &Type::Int)?;
        Ok(tir::Expr::rt(
            Rt::IntToBase,
            vec![v, tir::Expr::int(base)],
            Type::Str,
        ))
    }
}

/// Whether `e` is an operation that would wrap inside `intmask` (a negative
/// literal is a leaf).
fn is_operator(e: &Expr) -> bool {
    match e {
        Expr::BinOp(_) => true,
        Expr::UnaryOp(u) => {
            u.op != ast::UnaryOp::Not && !matches!(u.operand.as_ref(), Expr::NumberLiteral(_))
        }
        _ => false,
    }
}

/// The wrapping form of a checked integer operation `v` (see the module
/// documentation); anything else unchanged.
fn wrapping(v: tir::Expr) -> tir::Expr {
    let tir::Expr { kind, ty } = v;
    let kind = match kind {
        ExprKind::Binary(op, l, r) => ExprKind::Binary(
            match op {
                BinaryOp::IntAddChecked => BinaryOp::IntAdd,
                BinaryOp::IntSubChecked => BinaryOp::IntSub,
                BinaryOp::IntMulChecked => BinaryOp::IntMul,
                op => op,
            },
            l,
            r,
        ),
        ExprKind::RtCall(Rt::IntPow, args) => ExprKind::RtCall(Rt::IntPowWrapping, args),
        ExprKind::RtCall(Rt::IntLshift, args) => ExprKind::RtCall(Rt::IntLshiftWrapping, args),
        kind => kind,
    };
    tir::Expr { kind, ty }
}

/// `l // r`, `l % r` or `l >> r` on two ints. A literal right operand that
/// cannot make the operation raise is lowered inline: `>>` by `0..=63` and
/// `//`/`%` by a power of two as an arithmetic shift and a mask (exact for
/// Python's floor semantics, negative `l` included), by any other literal but
/// 0 and -1 as a hardware division with the floor fix-up. Anything else calls
/// the runtime, which raises `ZeroDivisionError`, `OverflowError` (`-2**63 //
/// -1`) or `ValueError` (`negative shift count`).
pub(super) fn int_division(op: Operator, l: tir::Expr, r: tir::Expr) -> tir::Expr {
    let int =
        |e: tir::Expr, k: BinaryOp, v: i64| tir::Expr::binary(k, e, tir::Expr::int(v), Type::Int);
    if let ExprKind::Int(d) = r.kind {
        let power = (d > 0 && d.count_ones() == 1).then(|| d.trailing_zeros() as i64);
        match (op, power) {
            (Operator::RShift, _) if (0..64).contains(&d) => return int(l, BinaryOp::IntShr, d),
            (Operator::FloorDiv, Some(k)) => return int(l, BinaryOp::IntShr, k),
            (Operator::Mod, Some(_)) => return int(l, BinaryOp::IntAnd, d - 1),
            (Operator::FloorDiv, None) if d != 0 && d != -1 => {
                return int(l, BinaryOp::IntFloorDivConst, d);
            }
            (Operator::Mod, None) if d != 0 && d != -1 => {
                return int(l, BinaryOp::IntModConst, d);
            }
            _ => {}
        }
    }
    let rt = match op {
        Operator::FloorDiv => Rt::IntFloorDiv,
        Operator::Mod => Rt::IntMod,
        _ => Rt::IntRshift,
    };
    tir::Expr::rt(rt, vec![l, r], Type::Int)
}
