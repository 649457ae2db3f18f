//! `set[T]`: displays, `set(...)`, the operators (`|`, `&`, `-`, `^`, their
//! augmented forms, the subset comparisons, `in`) and the methods, lowered to
//! the runtime's set functions. Elements must be hashable value types.

use ruff_python_ast::{self as ast, CmpOp, Expr, Operator};
use ruff_text_size::{Ranged, TextRange};

use super::checker::{Checker, R};
use super::defs::Slot;
use super::iterplan::{Plan, Source};
use super::values::{and, block, not};
use crate::layout;
use crate::rt::Rt;
use crate::tir::{self, BinaryOp, Type};

/// Whether values of `t` may be set elements (and hashed the way CPython does).
pub(super) fn is_set_element(t: &Type) -> bool {
    match t {
        Type::Int | Type::Bool | Type::Str => true,
        Type::Tuple(ts) => ts.iter().all(is_set_element),
        Type::VarTuple(t) => is_set_element(t),
        _ => false,
    }
}

/// Whether CPython's compiler folds `e` into a constant: a literal, a sign or
/// `~` applied to a number, a tuple of constants, or integer arithmetic on
/// constants that it folds (not a division or modulo by zero, not a negative
/// power; results past 64 bits, which it would not fold, Seam refuses or
/// raises on anyway).
fn is_folded_constant(e: &Expr) -> bool {
    match e {
        Expr::NumberLiteral(_)
        | Expr::StringLiteral(_)
        | Expr::BooleanLiteral(_)
        | Expr::NoneLiteral(_) => true,
        Expr::UnaryOp(u) => is_folded_constant(&u.operand),
        Expr::Tuple(t) => t.elts.iter().all(is_folded_constant),
        Expr::BinOp(b) => {
            let zero = |e: &Expr| matches!(e, Expr::NumberLiteral(n) if matches!(&n.value, ast::Number::Int(i) if i.as_u64() == Some(0)));
            let folds = match b.op {
                Operator::Add | Operator::Sub | Operator::Mult => true,
                Operator::BitAnd | Operator::BitOr | Operator::BitXor => true,
                Operator::FloorDiv | Operator::Mod => !zero(&b.right),
                // Results past 64 bits are refused or raise in Seam; smaller ones fold.
                Operator::LShift | Operator::RShift => true,
                Operator::Pow => !matches!(b.right.as_ref(), Expr::UnaryOp(_)),
                _ => false,
            };
            folds && is_folded_constant(&b.left) && is_folded_constant(&b.right)
        }
        _ => false,
    }
}

impl<'c, 'a> Checker<'c, 'a> {
    /// `{a, b, c}`: an empty set, then each element added in order (CPython's BUILD_SET).
    pub(super) fn set_display(
        &mut self,
        s: &ast::ExprSet,
        expected: Option<&Type>,
    ) -> R<tir::Expr> {
        let mut elem = match expected {
            Some(Type::Set(t)) => Some((**t).clone()),
            _ => None,
        };
        let mut vals = Vec::new();
        for e in &s.elts {
            if let Expr::Starred(st) = e {
                return Err(self.error(st.range, "'*' unpacking is not supported"));
            }
            let v = match &elem {
                Some(t) => self.expr_as(e, t)?,
                None => self.expr(e, None)?,
            };
            if elem.is_none() {
                elem = Some(v.ty.clone());
            }
            vals.push(v);
        }
        let elem = elem.expect("a display has an element");
        if !is_set_element(&elem) {
            return Err(self.error(
                s.range,
                format!(
                    "set elements must be int, bool, str or tuples of those, not {}",
                    self.type_name(&elem)
                ),
            ));
        }
        let ty = Type::Set(Box::new(elem.clone()));
        let (st, set) = self.bind_temp(new_set(&ty));
        let mut stmts = vec![st];
        for v in vals {
            stmts.push(tir::Stmt::Expr(tir::Expr::rt(
                Rt::SetAdd,
                vec![set.clone(), v],
                Type::None,
            )));
        }
        if s.elts.len() > 2 && s.elts.iter().all(is_folded_constant) {
            // CPython compiles a display of more than two constants to a frozenset
            // constant: one built from the values in order, then rebuilt from that
            // one's iteration order when the compiler merges constants; the display
            // copies it into an empty set. Where elements collide in the table the
            // order differs from adding them in order (`{-1, -2, 7}` iterates as
            // -2, -1, 7), so the same three steps are taken here.
            let list = tir::Expr::rt(Rt::SetToList, vec![set.clone()], Type::List(Box::new(elem)));
            let (st2, frozen) = self.bind_temp(new_set(&ty));
            stmts.push(st2);
            stmts.push(tir::Stmt::Expr(tir::Expr::rt(
                Rt::SetAddList,
                vec![frozen.clone(), list],
                Type::None,
            )));
            return Ok(block(stmts, tir::Expr::rt(Rt::SetCopy, vec![frozen], ty)));
        }
        Ok(block(stmts, set))
    }

    /// `set()`, `set(iterable)`.
    pub(super) fn set_call(&mut self, c: &ast::ExprCall, expected: Option<&Type>) -> R<tir::Expr> {
        if let Some(kw) = c.arguments.keywords.first() {
            return Err(self.error(kw.range, "set() takes no keyword arguments"));
        }
        let elem = match expected {
            Some(Type::Set(t)) => Some((**t).clone()),
            _ => None,
        };
        match &c.arguments.args[..] {
            [] => match expected {
                Some(t @ Type::Set(_)) => Ok(new_set(t)),
                _ => Err(self.error(
                    c.range(),
                    "cannot infer the element type of set(): annotate the variable",
                )),
            },
            [x] => {
                if let Expr::Generator(_) = x {
                    return self.collect_set(Source::of(x), elem.as_ref(), x.range());
                }
                if self.builtin_callee(x).is_none() {
                    // A set or a list: the runtime copies it with CPython's bulk paths.
                    let v = self.expr(x, None)?;
                    return match v.ty.clone() {
                        Type::Set(_) => {
                            let ty = v.ty.clone();
                            Ok(tir::Expr::rt(Rt::SetCopy, vec![v], ty))
                        }
                        Type::List(e) if is_set_element(&e) => {
                            let ty = Type::Set(e);
                            let (s, set) = self.bind_temp(new_set(&ty));
                            let add =
                                tir::Expr::rt(Rt::SetAddList, vec![set.clone(), v], Type::None);
                            Ok(block(vec![s, tir::Stmt::Expr(add)], set))
                        }
                        _ => {
                            let plan = self.value_plan(v, x.range())?;
                            self.set_of_plan(plan, x.range())
                        }
                    };
                }
                self.collect_set(Source::of(x), elem.as_ref(), x.range())
            }
            _ => Err(self.error(c.range(), "set() takes at most 1 argument")),
        }
    }

    pub(super) fn set_of_plan(&mut self, plan: Plan, range: TextRange) -> R<tir::Expr> {
        let elem = plan.elem.ty.clone();
        if !is_set_element(&elem) {
            return Err(self.error(
                range,
                format!(
                    "set elements must be int, bool, str or tuples of those, not {}",
                    self.type_name(&elem)
                ),
            ));
        }
        let ty = Type::Set(Box::new(elem));
        let (s, set) = self.bind_temp(new_set(&ty));
        let mut body = plan.step;
        body.push(tir::Stmt::Expr(tir::Expr::rt(
            Rt::SetAdd,
            vec![set.clone(), plan.elem],
            Type::None,
        )));
        let mut all = vec![s];
        all.extend(plan.pre);
        all.push(tir::Stmt::While {
            cond: plan.cond,
            body,
        });
        Ok(block(all, set))
    }

    /// `len(s)`.
    pub(super) fn set_len(v: tir::Expr) -> tir::Expr {
        tir::Expr::field(v, layout::SET_LEN, Type::Int)
    }

    /// `x in s`.
    pub(super) fn set_contains(
        &mut self,
        s: tir::Expr,
        x: tir::Expr,
        range: TextRange,
    ) -> R<tir::Expr> {
        let Type::Set(e) = s.ty.clone() else {
            unreachable!("a set")
        };
        let x = self.coerce(x, &e, range)?;
        // Python evaluates the element before the container.
        let (st, xv) = self.bind_temp(x);
        Ok(block(
            vec![st],
            tir::Expr::rt(Rt::SetContains, vec![s, xv], Type::Bool),
        ))
    }

    /// `a | b`, `a & b`, `a - b`, `a ^ b` on sets; `None` when neither side is a set.
    pub(super) fn set_binary(
        &mut self,
        op: Operator,
        l: &tir::Expr,
        r: &tir::Expr,
        range: TextRange,
    ) -> Option<R<tir::Expr>> {
        if !matches!(l.ty, Type::Set(_)) && !matches!(r.ty, Type::Set(_)) {
            return None;
        }
        if l.ty != r.ty {
            return Some(Err(self.unsupported_operands(op, &l.ty, &r.ty, range)));
        }
        let rt = match op {
            Operator::BitOr => Rt::SetUnion,
            Operator::BitAnd => Rt::SetIntersection,
            Operator::Sub => Rt::SetDifference,
            Operator::BitXor => Rt::SetSymmetricDifference,
            _ => {
                return Some(Err(
                    self.error(range, format!("sets do not support '{}'", op.as_str()))
                ));
            }
        };
        Some(Ok(tir::Expr::rt(
            rt,
            vec![l.clone(), r.clone()],
            l.ty.clone(),
        )))
    }

    /// `s |= t` and friends on a set: in place, as CPython does.
    pub(super) fn set_aug(
        &mut self,
        op: Operator,
        cur: tir::Expr,
        rhs: &Expr,
        range: TextRange,
    ) -> R<tir::Expr> {
        let ty = cur.ty.clone();
        let r = self.expr_as(rhs, &ty)?;
        let rt = match op {
            Operator::BitOr => Rt::SetUpdate,
            Operator::BitAnd => Rt::SetIntersectionUpdate,
            Operator::Sub => Rt::SetDifferenceUpdate,
            Operator::BitXor => Rt::SetSymmetricDifferenceUpdate,
            _ => {
                return Err(self.error(range, format!("sets do not support '{}='", op.as_str())));
            }
        };
        let (s, t) = self.bind_temp(cur);
        let call = tir::Expr::rt(rt, vec![t.clone(), r], Type::None);
        Ok(block(vec![s, tir::Stmt::Expr(call)], t))
    }

    /// `a <= b`, `a < b`, `a >= b`, `a > b`, `a == b`, `a != b` on two sets.
    pub(super) fn set_compare(
        &mut self,
        op: CmpOp,
        l: tir::Expr,
        r: tir::Expr,
        range: TextRange,
    ) -> R<tir::Expr> {
        if l.ty != r.ty {
            return Err(self.error(
                range,
                format!(
                    "cannot compare {} with {}",
                    self.type_name(&l.ty),
                    self.type_name(&r.ty)
                ),
            ));
        }
        let mut stmts = Vec::new();
        let (s, a) = self.bind_temp(l);
        stmts.push(s);
        let (s, b) = self.bind_temp(r);
        stmts.push(s);
        let len = |x: &tir::Expr| Self::set_len(x.clone());
        let subset = |x: &tir::Expr, y: &tir::Expr| {
            tir::Expr::rt(Rt::SetIssubset, vec![x.clone(), y.clone()], Type::Bool)
        };
        let eq_len = tir::Expr::binary(BinaryOp::IntEq, len(&a), len(&b), Type::Bool);
        let ne_len = tir::Expr::binary(BinaryOp::IntNe, len(&a), len(&b), Type::Bool);
        let test = match op {
            CmpOp::LtE => subset(&a, &b),
            CmpOp::GtE => subset(&b, &a),
            CmpOp::Lt => and(ne_len, subset(&a, &b)),
            CmpOp::Gt => and(ne_len, subset(&b, &a)),
            CmpOp::Eq => and(eq_len, subset(&a, &b)),
            CmpOp::NotEq => not(and(eq_len, subset(&a, &b))),
            _ => return Err(self.error(range, "this comparison is not supported on sets")),
        };
        Ok(block(stmts, test))
    }

    /// The methods of `set`.
    pub(super) fn set_method(
        &mut self,
        s: tir::Expr,
        elem: Type,
        m: &str,
        a: &ast::ExprAttribute,
        c: &ast::ExprCall,
    ) -> R<tir::Expr> {
        let ty = s.ty.clone();
        let fname = format!("set.{m}");
        let one = |this: &mut Self, t: &Type| -> R<tir::Expr> {
            let b = this.bind_args(c, &fname, &[Slot::pos("x")])?;
            this.expr_as(b[0].expect("required"), t)
        };
        let none = |this: &mut Self| -> R<()> {
            this.bind_args(c, &fname, &[])?;
            Ok(())
        };
        let call = |rt: Rt, args: Vec<tir::Expr>, t: Type| Ok(tir::Expr::rt(rt, args, t));
        match m {
            "add" | "remove" | "discard" => {
                let x = one(self, &elem)?;
                let rt = match m {
                    "add" => Rt::SetAdd,
                    "remove" => Rt::SetRemove,
                    _ => Rt::SetDiscard,
                };
                // Python evaluates the receiver first; keep it in a temporary.
                let (st, sv) = self.bind_temp(s);
                Ok(block(vec![st], tir::Expr::rt(rt, vec![sv, x], Type::None)))
            }
            "pop" => {
                none(self)?;
                call(Rt::SetPop, vec![s], elem)
            }
            "clear" => {
                none(self)?;
                call(Rt::SetClear, vec![s], Type::None)
            }
            "copy" => {
                none(self)?;
                call(Rt::SetCopy, vec![s], ty)
            }
            "union"
            | "intersection"
            | "difference"
            | "symmetric_difference"
            | "issubset"
            | "issuperset"
            | "isdisjoint"
            | "update"
            | "intersection_update"
            | "difference_update"
            | "symmetric_difference_update" => {
                let (st, sv) = self.bind_temp(s);
                let o = one(self, &ty)?;
                let e = match m {
                    "union" => tir::Expr::rt(Rt::SetUnion, vec![sv, o], ty),
                    "intersection" => tir::Expr::rt(Rt::SetIntersection, vec![sv, o], ty),
                    "difference" => tir::Expr::rt(Rt::SetDifference, vec![sv, o], ty),
                    "symmetric_difference" => {
                        tir::Expr::rt(Rt::SetSymmetricDifference, vec![sv, o], ty)
                    }
                    "issubset" => tir::Expr::rt(Rt::SetIssubset, vec![sv, o], Type::Bool),
                    "issuperset" => tir::Expr::rt(Rt::SetIssubset, vec![o, sv], Type::Bool),
                    "isdisjoint" => tir::Expr::rt(Rt::SetIsdisjoint, vec![sv, o], Type::Bool),
                    "update" => tir::Expr::rt(Rt::SetUpdate, vec![sv, o], Type::None),
                    "intersection_update" => {
                        tir::Expr::rt(Rt::SetIntersectionUpdate, vec![sv, o], Type::None)
                    }
                    "difference_update" => {
                        tir::Expr::rt(Rt::SetDifferenceUpdate, vec![sv, o], Type::None)
                    }
                    _ => tir::Expr::rt(Rt::SetSymmetricDifferenceUpdate, vec![sv, o], Type::None),
                };
                Ok(block(vec![st], e))
            }
            _ => Err(self.error(a.attr.range, format!("set has no method '{m}'"))),
        }
    }
}

/// A new empty set of type `ty`.
pub(super) fn new_set(ty: &Type) -> tir::Expr {
    let Type::Set(e) = ty else {
        unreachable!("a set type")
    };
    tir::Expr::rt(
        Rt::SetNew,
        vec![tir::Expr::type_code((**e).clone())],
        ty.clone(),
    )
}
