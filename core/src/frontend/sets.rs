//! `set[T]`: displays, `set(...)`, the operators (`|`, `&`, `-`, `^`, their
//! augmented forms, the subset comparisons, `in`) and the methods, lowered to
//! the runtime's set functions. Elements must be hashable value types.

use std::collections::HashMap;

use ruff_python_ast::visitor::{self, Visitor};
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

/// The constant CPython's compiler folds `e` into, as its constant cache
/// compares it (type-tagged: `True` is not `1`), or `None` when it folds
/// nothing: literals, signs and `~` on numbers, tuples of constants and
/// integer arithmetic on constants (not a division or modulo by zero, not a
/// negative power; results past 64 bits, which CPython would not always fold,
/// Seam refuses or raises on anyway).
fn constant_key(e: &Expr) -> Option<String> {
    match e {
        Expr::StringLiteral(s) => Some(format!("s{:?}", s.value.to_str())),
        Expr::BooleanLiteral(b) => Some(format!("b{}", b.value)),
        Expr::NoneLiteral(_) => Some("n".to_string()),
        Expr::Tuple(t) => {
            let items: Option<Vec<String>> = t.elts.iter().map(constant_key).collect();
            Some(format!("t({})", items?.join(",")))
        }
        _ => constant_int(e).map(|v| format!("i{v}")),
    }
}

/// The value of an integer constant expression CPython folds.
fn constant_int(e: &Expr) -> Option<i128> {
    match e {
        Expr::NumberLiteral(n) => match &n.value {
            ast::Number::Int(i) => i.as_u64().map(i128::from),
            _ => None,
        },
        Expr::UnaryOp(u) => {
            let v = constant_int(&u.operand)?;
            match u.op {
                ast::UnaryOp::USub => Some(-v),
                ast::UnaryOp::UAdd => Some(v),
                ast::UnaryOp::Invert => Some(!v),
                ast::UnaryOp::Not => None,
            }
        }
        Expr::BinOp(b) => {
            let (l, r) = (constant_int(&b.left)?, constant_int(&b.right)?);
            let v = match b.op {
                Operator::Add => l.checked_add(r)?,
                Operator::Sub => l.checked_sub(r)?,
                Operator::Mult => l.checked_mul(r)?,
                Operator::BitAnd => l & r,
                Operator::BitOr => l | r,
                Operator::BitXor => l ^ r,
                Operator::FloorDiv if r != 0 => {
                    l.div_euclid(r) - i128::from(r < 0 && l.rem_euclid(r) != 0)
                }
                Operator::Mod if r != 0 => ((l % r) + r) % r,
                Operator::LShift if (0..64).contains(&r) => l.checked_shl(r as u32)?,
                Operator::RShift if r >= 0 => l >> r.min(127),
                Operator::Pow if (0..128).contains(&r) => l.checked_pow(r as u32)?,
                _ => return None,
            };
            (i128::from(i64::MIN)..=i128::from(i64::MAX))
                .contains(&v)
                .then_some(v)
        }
        _ => None,
    }
}

/// The element keys of a set display that is all constants, in its order.
fn constant_elements(s: &ast::ExprSet) -> Option<Vec<String>> {
    s.elts.iter().map(constant_key).collect()
}

/// A set of constants as the cache compares it: its distinct keys, sorted.
fn set_key(elems: &[String]) -> String {
    let mut keys: Vec<&str> = elems.iter().map(String::as_str).collect();
    keys.sort_unstable();
    keys.dedup();
    keys.join("|")
}

/// In source order (the order CPython's compiler meets them), every set of
/// constants it makes a frozenset constant of: displays of more than two,
/// and any set display that is the right operand of `in`/`not in` or the
/// iterable of a `for` or a comprehension. Maps each set to the element order
/// of its first occurrence, which every equal one shares (the compiler keeps
/// one constant per value).
fn first_constant_sets(body: &[ruff_python_ast::Stmt]) -> HashMap<String, Vec<String>> {
    struct Finder(HashMap<String, Vec<String>>);
    impl Finder {
        fn note(&mut self, s: &ast::ExprSet) {
            if let Some(elems) = constant_elements(s) {
                self.0.entry(set_key(&elems)).or_insert(elems);
            }
        }
    }
    impl<'a> Visitor<'a> for Finder {
        fn visit_expr(&mut self, e: &'a Expr) {
            match e {
                Expr::Set(s) if s.elts.len() > 2 => self.note(s),
                Expr::Compare(c) => {
                    if let (Some(CmpOp::In | CmpOp::NotIn), Some(Expr::Set(s))) =
                        (c.ops.last(), c.comparators.last())
                    {
                        self.note(s);
                    }
                }
                Expr::ListComp(ast::ExprListComp { generators, .. })
                | Expr::SetComp(ast::ExprSetComp { generators, .. })
                | Expr::DictComp(ast::ExprDictComp { generators, .. })
                | Expr::Generator(ast::ExprGenerator { generators, .. }) => {
                    for g in generators {
                        if let Expr::Set(s) = &g.iter {
                            self.note(s);
                        }
                    }
                }
                _ => {}
            }
            visitor::walk_expr(self, e);
        }
        fn visit_stmt(&mut self, st: &'a ruff_python_ast::Stmt) {
            if let ruff_python_ast::Stmt::For(f) = st
                && let Expr::Set(s) = f.iter.as_ref()
            {
                self.note(s);
            }
            visitor::walk_stmt(self, st);
        }
    }
    let mut finder = Finder(HashMap::new());
    finder.visit_body(body);
    finder.0
}

/// What a set display is used for, which decides how CPython builds it.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum DisplayUse {
    /// A value: a display of more than two constants is copied from a frozenset constant.
    Value,
    /// The iterable of a `for` or a comprehension: CPython iterates its frozenset constant.
    Iterated,
    /// The right operand of `in`: only membership is asked, the order does not matter.
    Membership,
}

impl<'c, 'a> Checker<'c, 'a> {
    /// `{a, b, c}`: an empty set, then each element added in order (CPython's BUILD_SET).
    pub(super) fn set_display(
        &mut self,
        s: &ast::ExprSet,
        expected: Option<&Type>,
    ) -> R<tir::Expr> {
        self.set_display_as(s, expected, DisplayUse::Value)
    }

    /// A set display used as `how` says.
    pub(super) fn set_display_as(
        &mut self,
        s: &ast::ExprSet,
        expected: Option<&Type>,
        how: DisplayUse,
    ) -> R<tir::Expr> {
        let iterated = how == DisplayUse::Iterated;
        let mut elem = match expected {
            Some(Type::Set(t)) => Some((**t).clone()),
            _ => None,
        };
        // Constants CPython's compiler makes a frozenset of: the element order of
        // the first equal set in the module, which they all share.
        let constants = constant_elements(s)
            .filter(|_| how != DisplayUse::Membership && (iterated || s.elts.len() > 2));
        let order = constants.as_ref().and_then(|elems| {
            let module = self.module;
            if !self.cx.constant_sets.contains_key(&module) {
                let found = first_constant_sets(&self.cx.module(module).body);
                self.cx.constant_sets.insert(module, found);
            }
            self.cx.constant_sets[&module].get(&set_key(elems)).cloned()
        });
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
        if let (Some(elems), Some(order)) = (&constants, &order) {
            // Equal sets of constants: this one's values in the first one's order.
            let mut slots: Vec<Option<tir::Expr>> = vals.into_iter().map(Some).collect();
            vals = order
                .iter()
                .filter_map(|k| {
                    let i = elems.iter().position(|e| e == k)?;
                    slots[i].take()
                })
                .collect();
        }
        let (st, set) = self.bind_temp(new_set(&ty));
        let mut stmts = vec![st];
        for v in vals {
            stmts.push(tir::Stmt::Expr(tir::Expr::rt(
                Rt::SetAdd,
                vec![set.clone(), v],
                Type::None,
            )));
        }
        if constants.is_some() {
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
            if iterated {
                return Ok(block(stmts, frozen));
            }
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
