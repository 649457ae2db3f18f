//! Checking operators: unary and binary arithmetic, `and`/`or` (as values and
//! as conditions), comparisons (chained, between optional values, of
//! instances by identity or `__eq__`), and `in`.

use ruff_python_ast::{self as ast, CmpOp, Expr, Operator};
use ruff_text_size::{Ranged, TextRange};

use super::checker::{Checker, R, Reported};
use super::defs::Binding;
use super::exprs::{is_empty_display, is_instance_like};
use super::flow::Narrowing;
use super::ints::int_division;
use super::order;
use super::values::to_float;
use crate::rt::Rt;
use crate::tir::{self, BinaryOp, ExprKind, Type, UnaryOp};

impl<'c, 'a> Checker<'c, 'a> {
    pub(super) fn unary(&mut self, u: &ast::ExprUnaryOp) -> R<tir::Expr> {
        if u.op == ast::UnaryOp::Not {
            let (c, _, _) = self.cond(&u.operand)?;
            return Ok(tir::Expr::unary(UnaryOp::BoolNot, c, Type::Bool));
        }
        // Fold negative literals, so that i64::MIN is expressible and `x ** -1`
        // is recognised as a negative literal exponent.
        if u.op == ast::UnaryOp::USub
            && let Expr::NumberLiteral(n) = u.operand.as_ref()
            && let ast::Number::Int(i) = &n.value
            && let Some(v) = i.as_u64()
            && v <= 1u64 << 63
        {
            return Ok(tir::Expr::int((v as i64).wrapping_neg()));
        }
        let v = self.expr(&u.operand, None)?;
        let op = match (u.op, &v.ty) {
            (ast::UnaryOp::USub, Type::Int) => UnaryOp::IntNegChecked,
            (ast::UnaryOp::USub, Type::Float) => UnaryOp::FloatNeg,
            (ast::UnaryOp::UAdd, Type::Int | Type::Float) => return Ok(v),
            (ast::UnaryOp::Invert, Type::Int) => UnaryOp::IntInvert,
            (_, Type::Bool) => {
                return Err(self.error(
                    u.range,
                    format!(
                        "no arithmetic on bool ('{}' on a bool): convert with int(b)",
                        u.op.as_str()
                    ),
                ));
            }
            (op, t) => {
                return Err(self.error(
                    u.range,
                    format!(
                        "bad operand type for unary '{}': {}",
                        op.as_str(),
                        self.type_name(t)
                    ),
                ));
            }
        };
        let ty = v.ty.clone();
        Ok(tir::Expr::unary(op, v, ty))
    }

    /// A binary arithmetic operation on checked operands.
    pub(super) fn binary(
        &mut self,
        op: Operator,
        l: tir::Expr,
        r: tir::Expr,
        range: TextRange,
    ) -> R<tir::Expr> {
        use Type::*;
        if let Some(r) = self.set_binary(op, &l, &r, range) {
            return r;
        }
        if let Some(r) = self.var_tuple_binary(op, &l, &r, range) {
            return r;
        }
        if l.ty == Bool || r.ty == Bool {
            return Err(self.error(
                range,
                format!(
                    "no arithmetic on bool ('{}' with a bool operand): convert with int(b)",
                    op.as_str()
                ),
            ));
        }
        let bin = |k: BinaryOp, l, r, t| Ok(tir::Expr::binary(k, l, r, t));
        match (&l.ty, &r.ty) {
            (Int, Int) => match op {
                Operator::Add => bin(BinaryOp::IntAddChecked, l, r, Int),
                Operator::Sub => bin(BinaryOp::IntSubChecked, l, r, Int),
                Operator::Mult => bin(BinaryOp::IntMulChecked, l, r, Int),
                Operator::BitAnd => bin(BinaryOp::IntAnd, l, r, Int),
                Operator::BitOr => bin(BinaryOp::IntOr, l, r, Int),
                Operator::BitXor => bin(BinaryOp::IntXor, l, r, Int),
                Operator::Div => Ok(tir::Expr::rt(Rt::IntTrueDiv, vec![l, r], Float)),
                Operator::FloorDiv | Operator::Mod | Operator::RShift => Ok(int_division(op, l, r)),
                Operator::Pow => {
                    if let ExprKind::Int(e) = r.kind
                        && e < 0
                    {
                        return Err(self.error(
                            range,
                            "a negative exponent on int gives a float: use a float base \
                             (float(x) ** y)",
                        ));
                    }
                    Ok(tir::Expr::rt(Rt::IntPow, vec![l, r], Int))
                }
                Operator::LShift => Ok(tir::Expr::rt(Rt::IntLshift, vec![l, r], Int)),
                Operator::MatMult => Err(self.error(range, "'@' is not supported")),
            },
            (Int | Float, Int | Float) => {
                let l = to_float(l);
                let r = to_float(r);
                match op {
                    Operator::Add => bin(BinaryOp::FloatAdd, l, r, Float),
                    Operator::Sub => bin(BinaryOp::FloatSub, l, r, Float),
                    Operator::Mult => bin(BinaryOp::FloatMul, l, r, Float),
                    Operator::Div => Ok(tir::Expr::rt(Rt::FloatDiv, vec![l, r], Float)),
                    Operator::FloorDiv => Ok(tir::Expr::rt(Rt::FloatFloorDiv, vec![l, r], Float)),
                    Operator::Mod => Ok(tir::Expr::rt(Rt::FloatMod, vec![l, r], Float)),
                    Operator::Pow => Ok(tir::Expr::rt(Rt::FloatPow, vec![l, r], Float)),
                    _ => Err(self.error(
                        range,
                        format!("unsupported operand types for '{}': float", op.as_str()),
                    )),
                }
            }
            (Str, Str) if op == Operator::Add => Ok(tir::Expr::rt(Rt::StrConcat, vec![l, r], Str)),
            (Str, Int) if op == Operator::Mult => Ok(tir::Expr::rt(Rt::StrRepeat, vec![l, r], Str)),
            (Int, Str) if op == Operator::Mult => Ok(tir::Expr::rt(Rt::StrRepeat, vec![r, l], Str)),
            (List(a), List(b)) if op == Operator::Add && a == b => {
                let t = l.ty.clone();
                Ok(tir::Expr::rt(Rt::ListConcat, vec![l, r], t))
            }
            (Str, _) if op == Operator::Mod => self.str_percent_values(l, r, range),
            (List(_), Int) if op == Operator::Mult => {
                let t = l.ty.clone();
                Ok(tir::Expr::rt(Rt::ListRepeat, vec![l, r], t))
            }
            (Int, List(_)) if op == Operator::Mult => {
                let t = r.ty.clone();
                Ok(tir::Expr::rt(Rt::ListRepeat, vec![r, l], t))
            }
            _ => Err(self.unsupported_operands(op, &l.ty, &r.ty, range)),
        }
    }

    pub(super) fn bool_op(
        &mut self,
        e: &Expr,
        b: &ast::ExprBoolOp,
        expected: Option<&Type>,
    ) -> R<tir::Expr> {
        // All-bool operands: plain short-circuit logic (with narrowing inside).
        if b.values.iter().all(|v| self.looks_bool(v)) {
            return Ok(self.cond(e)?.0);
        }
        // Value semantics: `a or b` yields a if it is truthy, else b (and dually for `and`).
        // Each operand sees what the operands before it imply when evaluation reaches it.
        let saved = self.flow.narrowed.clone();
        let r = self.bool_op_values(b, expected);
        self.flow.narrowed = saved;
        r
    }

    /// An operand of a value-semantics `and`/`or`: its value, and what its being true
    /// or false implies (isinstance, `is None`, `not`, optionals tested for truth).
    pub(super) fn bool_operand(
        &mut self,
        e: &Expr,
        expected: Option<&Type>,
    ) -> R<(tir::Expr, Narrowing, Narrowing)> {
        let is_test = match e {
            Expr::Compare(c) => c.ops.len() == 1 && matches!(c.ops[0], CmpOp::Is | CmpOp::IsNot),
            Expr::Call(call) => {
                matches!(call.func.as_ref(), Expr::Name(n) if n.id.as_str() == "isinstance")
                    && !self.is_shadowed("isinstance")
            }
            Expr::UnaryOp(u) => u.op == ast::UnaryOp::Not,
            _ => false,
        };
        if is_test {
            return self.cond(e);
        }
        let v = self.expr(e, expected)?;
        let yes = match (&v.ty, self.narrow_key(e)) {
            (Type::Optional(inner), Some(key)) => vec![(key, (**inner).clone())],
            _ => Vec::new(),
        };
        Ok((v, yes, Vec::new()))
    }

    pub(super) fn bool_op_values(
        &mut self,
        b: &ast::ExprBoolOp,
        expected: Option<&Type>,
    ) -> R<tir::Expr> {
        let (mut acc, mut yes, mut no) = self.bool_operand(&b.values[0], expected)?;
        for v in &b.values[1..] {
            match b.op {
                ast::BoolOp::And => self.apply(&yes),
                ast::BoolOp::Or => self.apply(&no),
            }
            let (rhs, y, n) = self.bool_operand(v, expected)?;
            (yes, no) = (y, n);
            let ty = match (b.op, &acc.ty, &rhs.ty) {
                (ast::BoolOp::Or, Type::Optional(inner), t) if **inner == *t => t.clone(),
                _ => self.unify(&acc.ty, &rhs.ty, expected, b.range)?,
            };
            let (s, t) = self.bind_temp(acc);
            let truth = self.truthy(t.clone())?;
            let left_val = match (&t.ty, &ty) {
                // Taken only when it is truthy, so not None: an `int | None` is unboxed.
                (Type::Optional(_), t2) if !matches!(t2, Type::Optional(_)) => {
                    super::optional::narrow_value(t.clone(), ty.clone())
                }
                _ => self.coerce(t.clone(), &ty, b.range)?,
            };
            let rhs = self.coerce(rhs, &ty, v.range())?;
            let (then, otherwise) = match b.op {
                ast::BoolOp::Or => (left_val, rhs),
                ast::BoolOp::And => (rhs, left_val),
            };
            acc = tir::Expr::new(
                ExprKind::Block(
                    vec![s],
                    Box::new(tir::Expr::new(
                        ExprKind::IfElse {
                            cond: Box::new(truth),
                            then: Box::new(then),
                            otherwise: Box::new(otherwise),
                        },
                        ty.clone(),
                    )),
                ),
                ty,
            );
        }
        Ok(acc)
    }

    /// Whether an expression is syntactically sure to be a `bool` (comparisons, `not`, literals, bool locals).
    pub(super) fn looks_bool(&self, e: &Expr) -> bool {
        match e {
            Expr::Compare(_) | Expr::BooleanLiteral(_) => true,
            Expr::UnaryOp(u) => u.op == ast::UnaryOp::Not,
            Expr::BoolOp(b) => b.values.iter().all(|v| self.looks_bool(v)),
            Expr::Name(n) => self
                .names
                .get(n.id.as_str())
                .is_some_and(|id| self.locals[id.0 as usize].ty == Type::Bool),
            Expr::Call(c) => match c.func.as_ref() {
                Expr::Name(n) => match self.cx.module(self.module).scope.get(n.id.as_str()) {
                    Some(Binding::Function(f)) => self.cx.func_sigs[f.0 as usize]
                        .as_ref()
                        .is_some_and(|s| s.ret == Type::Bool),
                    _ => matches!(n.id.as_str(), "isinstance" | "bool"),
                },
                Expr::Attribute(a) => {
                    a.attr.id.starts_with("is")
                        || matches!(a.attr.id.as_str(), "startswith" | "endswith")
                }
                _ => false,
            },
            _ => false,
        }
    }

    pub(super) fn compare(&mut self, c: &ast::ExprCompare) -> R<tir::Expr> {
        if c.ops.len() == 1 {
            // An empty display takes its type from the other side (it has no side effects to reorder).
            let right_ast = &c.comparators[0];
            let (left, right) = if is_empty_display(&c.left) {
                let right = self.expr(right_ast, None)?;
                (self.expr(&c.left, Some(&right.ty))?, right)
            } else {
                let left = self.expr(&c.left, None)?;
                let expected = is_empty_display(right_ast).then(|| left.ty.clone());
                (left, self.expr(right_ast, expected.as_ref())?)
            };
            return self.compare_one(c.ops[0], left, right, c.range());
        }
        let left = self.expr(&c.left, None)?;
        // A chain evaluates each operand once, left to right, and stops at the first false link.
        let (s, mut prev) = self.bind_temp(left);
        let mut pending = vec![s];
        let mut acc: Option<tir::Expr> = None;
        for (op, right) in c.ops.iter().zip(c.comparators.iter()) {
            let r = match (op, right) {
                // Only membership is asked of it: its order does not matter.
                (CmpOp::In | CmpOp::NotIn, Expr::Set(s)) => {
                    self.set_display_as(s, None, super::sets::DisplayUse::Membership)?
                }
                _ => self.expr(right, None)?,
            };
            let (s, r) = self.bind_temp(r);
            pending.push(s);
            let cmp = self.compare_one(*op, prev, r.clone(), c.range())?;
            let link = tir::Expr::new(
                ExprKind::Block(std::mem::take(&mut pending), Box::new(cmp)),
                Type::Bool,
            );
            acc = Some(match acc {
                None => link,
                Some(a) => tir::Expr::new(ExprKind::And(Box::new(a), Box::new(link)), Type::Bool),
            });
            prev = r;
        }
        Ok(acc.expect("a chain has operators"))
    }

    /// One comparison of two checked operands.
    pub(super) fn compare_one(
        &mut self,
        op: CmpOp,
        l: tir::Expr,
        r: tir::Expr,
        range: TextRange,
    ) -> R<tir::Expr> {
        use Type::*;
        if matches!((&l.ty, &r.ty), (Set(_), Set(_)))
            && !matches!(op, CmpOp::Is | CmpOp::IsNot | CmpOp::In | CmpOp::NotIn)
        {
            return self.set_compare(op, l, r, range);
        }
        let (l, r) = super::optional::optional_operands(op, l, r);
        let lt = l.ty.clone();
        let rt = r.ty.clone();
        if !matches!(op, CmpOp::Is | CmpOp::IsNot) {
            self.refuse_callable_comparison(&lt, &rt, range)?;
        }
        match op {
            CmpOp::Is | CmpOp::IsNot => {
                let neg = op == CmpOp::IsNot;
                let test = match (&lt, &rt) {
                    (None, t) | (t, None) if t.is_ref() => {
                        let (v, none_side) = if lt == None { (r, l) } else { (l, r) };
                        self.with_none_side(lt == None, none_side, v, |v| {
                            tir::Expr::unary(UnaryOp::IsNull, v, Bool)
                        })
                    }
                    (None, None) => order::both_then(l, r, tir::Expr::bool(true)),
                    // A value known not to be None (an `int | None` narrowed by an
                    // assignment, say): the test is false, as in CPython.
                    (None, Int | Float | Bool) | (Int | Float | Bool, None) => {
                        order::both_then(l, r, tir::Expr::bool(false))
                    }
                    (Bool, Bool) => tir::Expr::binary(BinaryOp::BoolEq, l, r, Bool),
                    (a, b) if a.is_ref() && b.is_ref() => {
                        self.refuse_callable_identity(a, b, range)?;
                        tir::Expr::binary(BinaryOp::RefEq, l, r, Bool)
                    }
                    _ => {
                        return Err(self.error(
                            range,
                            format!(
                                "'is' compares identity and is only for references and None, not {} and {}: use '=='",
                                self.type_name(&lt),
                                self.type_name(&rt)
                            ),
                        ));
                    }
                };
                Ok(if neg {
                    tir::Expr::unary(UnaryOp::BoolNot, test, Bool)
                } else {
                    test
                })
            }
            CmpOp::In | CmpOp::NotIn => {
                // The item is evaluated before the container.
                let (hoisted, l) = order::first(self, l);
                let test = order::after(hoisted, self.contains(r, l, range)?);
                Ok(if op == CmpOp::NotIn {
                    tir::Expr::unary(UnaryOp::BoolNot, test, Bool)
                } else {
                    test
                })
            }
            _ => {
                let ordering = !matches!(op, CmpOp::Eq | CmpOp::NotEq);
                let (int_op, float_op) = match op {
                    CmpOp::Eq => (BinaryOp::IntEq, BinaryOp::FloatEq),
                    CmpOp::NotEq => (BinaryOp::IntNe, BinaryOp::FloatNe),
                    CmpOp::Lt => (BinaryOp::IntLt, BinaryOp::FloatLt),
                    CmpOp::LtE => (BinaryOp::IntLe, BinaryOp::FloatLe),
                    CmpOp::Gt => (BinaryOp::IntGt, BinaryOp::FloatGt),
                    _ => (BinaryOp::IntGe, BinaryOp::FloatGe),
                };
                match (&lt, &rt) {
                    (Int, Int) => Ok(tir::Expr::binary(int_op, l, r, Bool)),
                    (Int | Float, Int | Float) => {
                        Ok(tir::Expr::binary(float_op, to_float(l), to_float(r), Bool))
                    }
                    (Bool, Bool) if !ordering => Ok(tir::Expr::binary(
                        if op == CmpOp::Eq {
                            BinaryOp::BoolEq
                        } else {
                            BinaryOp::BoolNe
                        },
                        l,
                        r,
                        Bool,
                    )),
                    (Bool, Bool) => Ok(tir::Expr::binary(
                        int_op,
                        tir::Expr::unary(UnaryOp::BoolToInt, l, Int),
                        tir::Expr::unary(UnaryOp::BoolToInt, r, Int),
                        Bool,
                    )),
                    (Instance(_) | Object, _) | (_, Instance(_) | Object) if !ordering => {
                        self.instance_equality(op == CmpOp::NotEq, l, r, range)
                    }
                    (Optional(_), Optional(_) | None) | (None, Optional(_))
                        if !ordering
                            && (is_instance_like(&lt) || lt == None)
                            && (is_instance_like(&rt) || rt == None) =>
                    {
                        self.instance_equality(op == CmpOp::NotEq, l, r, range)
                    }
                    (Instance(_) | Object, _) | (_, Instance(_) | Object) => {
                        self.instance_ordering(op, l, r, range)
                    }
                    (Str, Str) if !ordering => {
                        let eq = tir::Expr::rt(Rt::StrEq, vec![l, r], Bool);
                        Ok(if op == CmpOp::Eq {
                            eq
                        } else {
                            tir::Expr::unary(UnaryOp::BoolNot, eq, Bool)
                        })
                    }
                    (Str, Str) => Ok(tir::Expr::binary(
                        int_op,
                        tir::Expr::rt(Rt::StrCmp, vec![l, r], Int),
                        tir::Expr::int(0),
                        Bool,
                    )),
                    (None, t) | (t, None) if !ordering => {
                        if t.is_ref() {
                            let (v, none_side) = if lt == None { (r, l) } else { (l, r) };
                            let null = self.with_none_side(lt == None, none_side, v, |v| {
                                tir::Expr::unary(UnaryOp::IsNull, v, Bool)
                            });
                            Ok(if op == CmpOp::Eq {
                                null
                            } else {
                                tir::Expr::unary(UnaryOp::BoolNot, null, Bool)
                            })
                        } else {
                            let known = tir::Expr::bool((op == CmpOp::Eq) == (*t == None));
                            Ok(order::both_then(l, r, known))
                        }
                    }
                    _ => {
                        let ty = match (&lt, &rt) {
                            (a, b) if a == b => a.clone(),
                            // A fixed tuple of one element type compares with a tuple[T, ...].
                            (VarTuple(e), Tuple(ts)) | (Tuple(ts), VarTuple(e))
                                if ts.iter().all(|t| t == &**e) =>
                            {
                                VarTuple(e.clone())
                            }
                            (Optional(i), t) | (t, Optional(i)) if **i == *t && !ordering => {
                                Optional(i.clone())
                            }
                            _ => {
                                return Err(self.error(
                                    range,
                                    format!(
                                        "cannot compare {} and {} with '{}'",
                                        self.type_name(&lt),
                                        self.type_name(&rt),
                                        op.as_str()
                                    ),
                                ));
                            }
                        };
                        if ordering && !orderable(&ty) {
                            return Err(self.error(
                                range,
                                format!(
                                    "'{}' is not supported between values of type {}",
                                    op.as_str(),
                                    self.type_name(&ty)
                                ),
                            ));
                        }
                        let l = tir::Expr::new(l.kind, ty.clone());
                        let r = tir::Expr::new(r.kind, ty.clone());
                        if ordering {
                            // CPython's answer, NaN included (no total order).
                            let code = match op {
                                CmpOp::Lt => 0,
                                CmpOp::LtE => 1,
                                CmpOp::Gt => 2,
                                _ => 3,
                            };
                            let args = vec![l, r, tir::Expr::type_code(ty), tir::Expr::int(code)];
                            Ok(tir::Expr::rt(Rt::Order, args, Bool))
                        } else {
                            let eq =
                                tir::Expr::rt(Rt::Eq, vec![l, r, tir::Expr::type_code(ty)], Bool);
                            Ok(if op == CmpOp::Eq {
                                eq
                            } else {
                                tir::Expr::unary(UnaryOp::BoolNot, eq, Bool)
                            })
                        }
                    }
                }
            }
        }
    }

    /// `item in container`.
    pub(super) fn contains(
        &mut self,
        container: tir::Expr,
        item: tir::Expr,
        range: TextRange,
    ) -> R<tir::Expr> {
        match container.ty.clone() {
            Type::Str => {
                let item = self.coerce(item, &Type::Str, range)?;
                Ok(tir::Expr::rt(
                    Rt::StrContains,
                    vec![container, item],
                    Type::Bool,
                ))
            }
            Type::List(e) | Type::DictKeys(e) | Type::DictValues(e) => {
                let item = self.coerce(item, &e, range)?;
                Ok(tir::Expr::rt(
                    Rt::ListContains,
                    vec![container, item, tir::Expr::type_code((*e).clone())],
                    Type::Bool,
                ))
            }
            Type::Set(_) => self.set_contains(container, item, range),
            Type::VarTuple(e) => {
                let item = self.coerce(item, &e, range)?;
                Ok(tir::Expr::rt(
                    Rt::ListContains,
                    vec![
                        super::values::to_list(container),
                        item,
                        tir::Expr::type_code((*e).clone()),
                    ],
                    Type::Bool,
                ))
            }
            Type::Dict(k, _) => {
                let item = self.coerce(item, &k, range)?;
                Ok(tir::Expr::rt(
                    Rt::DictContains,
                    vec![container, item],
                    Type::Bool,
                ))
            }
            other => Err(self.not_narrowed_or(range, &other, "does not support 'in'")),
        }
    }

    /// The error for operands whose types `op` does not support (with a hint
    /// when one of them is an optional value to narrow first).
    pub(super) fn unsupported_operands(
        &mut self,
        op: Operator,
        l: &Type,
        r: &Type,
        range: TextRange,
    ) -> Reported {
        let hint = if matches!(l, Type::Optional(_)) || matches!(r, Type::Optional(_)) {
            " (narrow the optional first)"
        } else {
            ""
        };
        let message = format!(
            "unsupported operand types for '{}': {} and {}{hint}",
            op.as_str(),
            self.type_name(l),
            self.type_name(r)
        );
        self.error(range, message)
    }
}

pub(super) fn orderable(t: &Type) -> bool {
    match t {
        Type::Int | Type::Float | Type::Str | Type::Bool => true,
        Type::List(e) | Type::VarTuple(e) => orderable(e),
        Type::Tuple(ts) => ts.iter().all(orderable),
        _ => false,
    }
}
