//! Iteration beyond the plain `for` loop: comprehensions, generator
//! expressions as arguments, `set[T]`, `enumerate`/`zip`/`reversed`, the
//! folding builtins (`sum`, `any`, `all`...), `type(x).__name__`, and the
//! boxing of optional value types (`int | None`).
//!
//! Everything is lowered to `while` loops over an *iteration plan*
//! ([`Plan`]): statements run once before the loop, the loop condition, the
//! statements that advance to the next element, and the element itself.
//! A comprehension is such loops nested, one per `for` clause, with the `if`
//! clauses as conditionals, accumulating into a fresh list, dict or set; a
//! generator expression is only accepted as the argument of a builtin that
//! consumes it at once, and folds into that builtin's accumulator (`any`
//! and `all` stop at the first decisive element, as CPython's do).
//!
//! Comprehension variables live in their own scope, as in Python 3: each
//! `for` target gets fresh locals, the names they shadow are restored
//! afterwards, and the first iterable is checked before any target is bound.

use ruff_python_ast::{self as ast, CmpOp, Expr, Operator};
use ruff_text_size::{Ranged, TextRange};

use super::checker::{Checker, R, Reported};
use super::types::type_name;
use crate::layout;
use crate::rt::Rt;
use crate::tir::{self, BinaryOp, ExprKind, LocalId, Type, UnaryOp};

/// The most `for` clauses one comprehension or generator expression may have
/// (each is a nested loop, and checking and code generation recurse on them).
pub(super) const MAX_FOR_CLAUSES: usize = 32;

/// Whether values of `t` may be set elements (and hashed the way CPython does).
pub(super) fn is_set_element(t: &Type) -> bool {
    match t {
        Type::Int | Type::Bool | Type::Str => true,
        Type::Tuple(ts) => ts.iter().all(is_set_element),
        Type::VarTuple(t) => is_set_element(t),
        _ => false,
    }
}

/// Whether `t` is a value type whose optional is boxed.
fn is_boxed(t: &Type) -> bool {
    matches!(t, Type::Int | Type::Float | Type::Bool)
}

/// A value of type `T` as a `T | None` (`target`): a box for value types, the
/// reference itself otherwise.
pub(super) fn to_optional(v: tir::Expr, target: &Type) -> tir::Expr {
    if is_boxed(&v.ty) {
        tir::Expr::rt(Rt::BoxNew, vec![v], target.clone())
    } else {
        tir::Expr::new(v.kind, target.clone())
    }
}

/// The `inner` value of a non-null optional `v`.
pub(super) fn from_optional(v: tir::Expr, inner: &Type) -> tir::Expr {
    if is_boxed(inner) {
        tir::Expr::field(v, layout::BOX_VALUE, inner.clone())
    } else {
        tir::Expr::new(v.kind, inner.clone())
    }
}

/// A value read under a narrowing to `narrowed`: unboxed when an optional value
/// type is known not to be `None`, else only seen at its narrower type.
pub(super) fn narrow_value(v: tir::Expr, narrowed: Type) -> tir::Expr {
    match &v.ty {
        Type::Optional(inner) if **inner == narrowed && is_boxed(inner) => {
            from_optional(v, &narrowed)
        }
        _ => tir::Expr::new(v.kind, narrowed),
    }
}

/// `==`/`!=` between `T | None` and `T` for a boxed `T`: the plain side is
/// boxed too, so the generic equality compares two optionals.
pub(super) fn optional_operands(op: CmpOp, l: tir::Expr, r: tir::Expr) -> (tir::Expr, tir::Expr) {
    if !matches!(op, CmpOp::Eq | CmpOp::NotEq) {
        return (l, r);
    }
    match (&l.ty, &r.ty) {
        (Type::Optional(i), t) if **i == *t && is_boxed(t) => {
            let ty = l.ty.clone();
            (l, to_optional(r, &ty))
        }
        (t, Type::Optional(i)) if **i == *t && is_boxed(t) => {
            let ty = r.ty.clone();
            (to_optional(l, &ty), r)
        }
        _ => (l, r),
    }
}

/// How to walk an iterable with a `while` loop.
pub(super) struct Plan {
    /// Run once, before the loop.
    pre: Vec<tir::Stmt>,
    /// The loop condition (may bind temporaries it reads, in a block).
    cond: tir::Expr,
    /// Run at the top of each iteration; afterwards [`Plan::elem`] is valid.
    step: Vec<tir::Stmt>,
    /// The current element (reads temporaries only).
    elem: tir::Expr,
}

/// What a consuming builtin iterates: a generator expression or any iterable.
#[derive(Clone, Copy)]
pub(super) enum Source<'e> {
    Gen(&'e Expr, &'e [ast::Comprehension]),
    Iter(&'e Expr),
}

impl<'e> Source<'e> {
    pub(super) fn of(e: &'e Expr) -> Source<'e> {
        match e {
            Expr::Generator(g) => Source::Gen(&g.elt, &g.generators),
            other => Source::Iter(other),
        }
    }
}

/// What a comprehension target shadowed, restored when its scope ends.
struct Shadowed {
    name: String,
    local: Option<LocalId>,
    is_local_name: bool,
    annotation: Option<Type>,
    poisoned: bool,
    global: bool,
}

type Body<'b, 'c, 'a> = dyn FnMut(&mut Checker<'c, 'a>, tir::Expr) -> R<Vec<tir::Stmt>> + 'b;

fn block(stmts: Vec<tir::Stmt>, e: tir::Expr) -> tir::Expr {
    let ty = e.ty.clone();
    tir::Expr::new(ExprKind::Block(stmts, Box::new(e)), ty)
}

fn and(a: tir::Expr, b: tir::Expr) -> tir::Expr {
    tir::Expr::new(ExprKind::And(Box::new(a), Box::new(b)), Type::Bool)
}

fn not(a: tir::Expr) -> tir::Expr {
    tir::Expr::unary(UnaryOp::BoolNot, a, Type::Bool)
}

fn int_lit(e: &Expr) -> Option<i64> {
    match e {
        Expr::NumberLiteral(n) => match &n.value {
            ast::Number::Int(i) => i.as_i64(),
            _ => None,
        },
        Expr::UnaryOp(u) if u.op == ast::UnaryOp::USub => int_lit(&u.operand).map(|v| -v),
        _ => None,
    }
}

impl<'c, 'a> Checker<'c, 'a> {
    fn is_builtin_name(&self, name: &str) -> bool {
        !self.local_names.contains(name) && !self.cx.module(self.module).scope.contains_key(name)
    }

    /// The builtin a call names (`enumerate(...)`), unless a program name shadows it.
    fn builtin_callee<'x>(&self, e: &'x Expr) -> Option<(&'x str, &'x ast::ExprCall)> {
        if let Expr::Call(c) = e
            && let Expr::Name(n) = c.func.as_ref()
            && self.is_builtin_name(n.id.as_str())
        {
            return Some((n.id.as_str(), c));
        }
        None
    }

    // ------------------------------------------------------------ iteration plans

    /// The plan for iterating `iter`.
    pub(super) fn iter_plan(&mut self, iter: &Expr) -> R<Plan> {
        if let Some((name, c)) = self.builtin_callee(iter) {
            match name {
                "range" => return self.range_plan(c),
                "enumerate" => return self.enumerate_plan(c),
                "zip" => return self.zip_plan(c),
                "reversed" => return self.reversed_plan(c),
                _ => {}
            }
        }
        // `d.items()` and friends walk the dict itself, without a snapshot.
        if let Expr::Call(c) = iter
            && c.arguments.args.is_empty()
            && c.arguments.keywords.is_empty()
            && let Expr::Attribute(a) = c.func.as_ref()
            && matches!(a.attr.id.as_str(), "keys" | "values" | "items")
        {
            let recv = self.expr(&a.value, None)?;
            if matches!(recv.ty, Type::Dict(..)) {
                return Ok(self.dict_plan(recv, a.attr.id.as_str()));
            }
            let v = self.method_call(recv, a, c)?;
            return self.value_plan(v, iter.range());
        }
        let v = self.expr(iter, None)?;
        self.value_plan(v, iter.range())
    }

    /// The plan for iterating an already checked value.
    pub(super) fn value_plan(&mut self, v: tir::Expr, range: TextRange) -> R<Plan> {
        match v.ty.clone() {
            Type::Dict(..) => Ok(self.dict_plan(v, "keys")),
            Type::List(_) | Type::DictKeys(_) | Type::DictValues(_) | Type::DictItems(..) => {
                Ok(self.list_plan(v))
            }
            Type::Str => Ok(self.str_plan(v)),
            Type::Set(_) => Ok(self.set_plan(v)),
            Type::VarTuple(_) => Ok(self.list_plan(super::tuples::to_list(v))),
            other => Err(self.not_narrowed_or(range, &other, "is not iterable")),
        }
    }

    fn list_plan(&mut self, v: tir::Expr) -> Plan {
        let elem = match &v.ty {
            Type::List(t) | Type::DictKeys(t) | Type::DictValues(t) => (**t).clone(),
            Type::DictItems(k, v) => Type::Tuple(vec![(**k).clone(), (**v).clone()]),
            _ => unreachable!("only lists and views"),
        };
        let (s, l) = self.bind_temp(v);
        let i = self.temp(Type::Int);
        let iv = tir::Expr::local(i, Type::Int);
        let cond = tir::Expr::binary(
            BinaryOp::IntLt,
            iv.clone(),
            tir::Expr::field(l.clone(), layout::LIST_LEN, Type::Int),
            Type::Bool,
        );
        // The condition has just compared `i` with the length: no bounds check.
        let item = tir::Expr::new(
            ExprKind::ListItem {
                list: Box::new(l),
                index: Box::new(iv.clone()),
            },
            elem,
        );
        let (s2, item) = self.bind_temp(item);
        Plan {
            pre: vec![s, tir::Stmt::AssignLocal(i, tir::Expr::int(0))],
            cond,
            step: vec![
                s2,
                tir::Stmt::AssignLocal(
                    i,
                    tir::Expr::binary(BinaryOp::IntAdd, iv, tir::Expr::int(1), Type::Int),
                ),
            ],
            elem: item,
        }
    }

    fn str_plan(&mut self, v: tir::Expr) -> Plan {
        let (s, st) = self.bind_temp(v);
        let p = self.temp(Type::Int);
        let pv = tir::Expr::local(p, Type::Int);
        let cond = tir::Expr::binary(
            BinaryOp::IntLt,
            pv.clone(),
            tir::Expr::field(st.clone(), layout::STR_BYTE_LEN, Type::Int),
            Type::Bool,
        );
        let ch = tir::Expr::rt(Rt::StrCharAt, vec![st, pv.clone()], Type::Str);
        let (s2, ch) = self.bind_temp(ch);
        Plan {
            pre: vec![s, tir::Stmt::AssignLocal(p, tir::Expr::int(0))],
            cond,
            step: vec![
                s2,
                tir::Stmt::AssignLocal(
                    p,
                    tir::Expr::binary(
                        BinaryOp::IntAdd,
                        pv,
                        tir::Expr::field(ch.clone(), layout::STR_BYTE_LEN, Type::Int),
                        Type::Int,
                    ),
                ),
            ],
            elem: ch,
        }
    }

    /// Entries of a dict or a set by position: `next(d, pos, len)` gives the
    /// next live entry or -1, raising when the size changed. A dict's walk
    /// also counts the entries taken (`next(d, pos, len, taken)`), to raise
    /// when the keys changed.
    pub(super) fn entry_walk(
        &mut self,
        d: &tir::Expr,
        len_off: i32,
        next: Rt,
        pre: &mut Vec<tir::Stmt>,
    ) -> (tir::Expr, tir::Expr, Vec<tir::Stmt>) {
        let len = tir::Expr::field(d.clone(), len_off, Type::Int);
        let (s, n) = self.bind_temp(len);
        pre.push(s);
        let pos = self.temp(Type::Int);
        pre.push(tir::Stmt::AssignLocal(pos, tir::Expr::int(0)));
        let mut args = vec![d.clone(), tir::Expr::local(pos, Type::Int), n];
        let mut advance = Vec::new();
        if next == Rt::DictIterNext {
            let taken = self.temp(Type::Int);
            pre.push(tir::Stmt::AssignLocal(taken, tir::Expr::int(0)));
            args.push(tir::Expr::local(taken, Type::Int));
            advance.push(tir::Stmt::AssignLocal(
                taken,
                tir::Expr::binary(
                    BinaryOp::IntAdd,
                    tir::Expr::local(taken, Type::Int),
                    tir::Expr::int(1),
                    Type::Int,
                ),
            ));
        }
        let entry = self.temp(Type::Int);
        let next = tir::Expr::rt(next, args, Type::Int);
        let cond = block(
            vec![tir::Stmt::AssignLocal(entry, next)],
            tir::Expr::binary(
                BinaryOp::IntGe,
                tir::Expr::local(entry, Type::Int),
                tir::Expr::int(0),
                Type::Bool,
            ),
        );
        let e = tir::Expr::local(entry, Type::Int);
        advance.push(tir::Stmt::AssignLocal(
            pos,
            tir::Expr::binary(BinaryOp::IntAdd, e.clone(), tir::Expr::int(1), Type::Int),
        ));
        (cond, e, advance)
    }

    fn dict_plan(&mut self, v: tir::Expr, view: &str) -> Plan {
        let Type::Dict(k, val) = v.ty.clone() else {
            unreachable!("only dicts")
        };
        let mut pre = Vec::new();
        let (s, d) = self.bind_temp(v);
        pre.push(s);
        let (cond, e, advance) = self.entry_walk(&d, layout::DICT_LEN, Rt::DictIterNext, &mut pre);
        let key = tir::Expr::rt(Rt::DictEntryKey, vec![d.clone(), e.clone()], (*k).clone());
        let value = tir::Expr::rt(Rt::DictEntryValue, vec![d, e], (*val).clone());
        let element = match view {
            "keys" => key,
            "values" => value,
            _ => tir::Expr::new(
                ExprKind::Tuple(vec![key, value]),
                Type::Tuple(vec![(*k).clone(), (*val).clone()]),
            ),
        };
        let (s, elem) = self.bind_temp(element);
        let mut step = advance;
        step.push(s);
        Plan {
            pre,
            cond,
            step,
            elem,
        }
    }

    fn set_plan(&mut self, v: tir::Expr) -> Plan {
        let Type::Set(t) = v.ty.clone() else {
            unreachable!("only sets")
        };
        let mut pre = Vec::new();
        let (s, d) = self.bind_temp(v);
        pre.push(s);
        let (cond, e, advance) = self.entry_walk(&d, layout::SET_LEN, Rt::SetIterNext, &mut pre);
        let (s, elem) = self.bind_temp(tir::Expr::rt(Rt::SetEntry, vec![d, e], *t));
        let mut step = advance;
        step.push(s);
        Plan {
            pre,
            cond,
            step,
            elem,
        }
    }

    fn range_args(&mut self, c: &ast::ExprCall) -> R<(tir::Expr, tir::Expr, i64)> {
        if !c.arguments.keywords.is_empty() {
            return Err(self.error(c.range(), "range() takes no keyword arguments"));
        }
        let args = &c.arguments.args;
        if args.is_empty() || args.len() > 3 {
            return Err(self.error(
                c.range(),
                format!("range expected 1 to 3 arguments, got {}", args.len()),
            ));
        }
        let step = match args.get(2) {
            None => 1,
            Some(s) => match int_lit(s) {
                Some(0) => return Err(self.error(s.range(), "range() arg 3 must not be zero")),
                Some(k) => k,
                None => {
                    return Err(self.error(
                        s.range(),
                        "a range() step that is not an integer literal is only supported in a for statement",
                    ));
                }
            },
        };
        let (start, stop) = if args.len() == 1 {
            (tir::Expr::int(0), self.expr_as(&args[0], &Type::Int)?)
        } else {
            (
                self.expr_as(&args[0], &Type::Int)?,
                self.expr_as(&args[1], &Type::Int)?,
            )
        };
        Ok((start, stop, step))
    }

    fn range_plan(&mut self, c: &ast::ExprCall) -> R<Plan> {
        let (start, stop, step) = self.range_args(c)?;
        let i = self.temp(Type::Int);
        let (s, stop) = self.bind_temp(stop);
        let iv = tir::Expr::local(i, Type::Int);
        let op = if step > 0 {
            BinaryOp::IntLt
        } else {
            BinaryOp::IntGt
        };
        let (s2, cur) = self.bind_temp(iv.clone());
        Ok(Plan {
            pre: vec![tir::Stmt::AssignLocal(i, start), s],
            cond: tir::Expr::binary(op, iv.clone(), stop, Type::Bool),
            step: vec![
                s2,
                tir::Stmt::AssignLocal(
                    i,
                    // Saturating: a range ending near 2**63 stops where CPython's does.
                    tir::Expr::binary(
                        BinaryOp::IntAddSaturating,
                        iv,
                        tir::Expr::int(step),
                        Type::Int,
                    ),
                ),
            ],
            elem: cur,
        })
    }

    fn enumerate_plan(&mut self, c: &ast::ExprCall) -> R<Plan> {
        let b = self.bind_args(c, "enumerate", &[("iterable", true), ("start", false)])?;
        let mut inner = self.iter_plan(b[0].expect("required"))?;
        let start = match b[1] {
            Some(s) => self.expr_as(s, &Type::Int)?,
            None => tir::Expr::int(0),
        };
        let n = self.temp(Type::Int);
        let nv = tir::Expr::local(n, Type::Int);
        inner.pre.push(tir::Stmt::AssignLocal(n, start));
        let (s, cur) = self.bind_temp(nv.clone());
        inner.step.push(s);
        inner.step.push(tir::Stmt::AssignLocal(
            n,
            tir::Expr::binary(BinaryOp::IntAdd, nv, tir::Expr::int(1), Type::Int),
        ));
        let ty = Type::Tuple(vec![Type::Int, inner.elem.ty.clone()]);
        inner.elem = tir::Expr::new(ExprKind::Tuple(vec![cur, inner.elem]), ty);
        Ok(inner)
    }

    fn zip_plan(&mut self, c: &ast::ExprCall) -> R<Plan> {
        if let Some(kw) = c.arguments.keywords.first() {
            return Err(self.error(kw.range, "zip() keyword arguments are not supported"));
        }
        if c.arguments.args.len() < 2 {
            return Err(self.error(c.range(), "zip() needs two or more iterables"));
        }
        let mut plans = Vec::new();
        for a in &c.arguments.args {
            plans.push(self.iter_plan(a)?);
        }
        let mut pre = Vec::new();
        let mut cond: Option<tir::Expr> = None;
        let mut elems = Vec::new();
        // Each iterable advances only when the ones before it had an element, as in CPython.
        let mut steps: Vec<tir::Stmt> = Vec::new();
        for p in plans {
            pre.extend(p.pre);
            let this = if steps.is_empty() {
                p.cond
            } else {
                block(std::mem::take(&mut steps), p.cond)
            };
            steps.extend(p.step);
            cond = Some(match cond {
                None => this,
                Some(c) => and(c, this),
            });
            elems.push(p.elem);
        }
        let ty = Type::Tuple(elems.iter().map(|e| e.ty.clone()).collect());
        Ok(Plan {
            pre,
            cond: cond.expect("two or more"),
            step: steps,
            elem: tir::Expr::new(ExprKind::Tuple(elems), ty),
        })
    }

    fn reversed_plan(&mut self, c: &ast::ExprCall) -> R<Plan> {
        let b = self.bind_args(c, "reversed", &[("sequence", true)])?;
        let x = b[0].expect("required");
        if let Some(("range", rc)) = self.builtin_callee(x) {
            let (start, stop, step) = self.range_args(rc)?;
            // The last element is start + (n - 1) * step, n the range's length.
            let (s1, st) = self.bind_temp(start);
            let (s2, sp) = self.bind_temp(stop);
            // Checked: a range longer than 2**63 - 1 has a length CPython's
            // len() refuses with OverflowError too.
            let span = if step > 0 {
                tir::Expr::binary(BinaryOp::IntSubChecked, sp.clone(), st.clone(), Type::Int)
            } else {
                tir::Expr::binary(BinaryOp::IntSubChecked, st.clone(), sp.clone(), Type::Int)
            };
            let k = step.abs();
            let len = tir::Expr::new(
                ExprKind::IfElse {
                    cond: Box::new(tir::Expr::binary(
                        BinaryOp::IntGt,
                        span.clone(),
                        tir::Expr::int(0),
                        Type::Bool,
                    )),
                    then: Box::new(tir::Expr::rt(
                        Rt::IntFloorDiv,
                        vec![
                            tir::Expr::binary(
                                BinaryOp::IntAddChecked,
                                span,
                                tir::Expr::int(k - 1),
                                Type::Int,
                            ),
                            tir::Expr::int(k),
                        ],
                        Type::Int,
                    )),
                    otherwise: Box::new(tir::Expr::int(0)),
                },
                Type::Int,
            );
            let i = self.temp(Type::Int);
            let iv = tir::Expr::local(i, Type::Int);
            let value = tir::Expr::binary(
                BinaryOp::IntAdd,
                st,
                tir::Expr::binary(
                    BinaryOp::IntMul,
                    iv.clone(),
                    tir::Expr::int(step),
                    Type::Int,
                ),
                Type::Int,
            );
            let (s3, cur) = self.bind_temp(value);
            return Ok(Plan {
                pre: vec![
                    s1,
                    s2,
                    tir::Stmt::AssignLocal(
                        i,
                        tir::Expr::binary(BinaryOp::IntSub, len, tir::Expr::int(1), Type::Int),
                    ),
                ],
                cond: tir::Expr::binary(BinaryOp::IntGe, iv.clone(), tir::Expr::int(0), Type::Bool),
                step: vec![
                    s3,
                    tir::Stmt::AssignLocal(
                        i,
                        tir::Expr::binary(BinaryOp::IntSub, iv, tir::Expr::int(1), Type::Int),
                    ),
                ],
                elem: cur,
            });
        }
        let v = self.expr(x, None)?;
        let v = match v.ty.clone() {
            Type::List(_) => v,
            Type::Str => tir::Expr::rt(Rt::ListFromStr, vec![v], Type::List(Box::new(Type::Str))),
            other => {
                return Err(self.not_narrowed_or(
                    x.range(),
                    &other,
                    "cannot be reversed (reversed() takes a list, a str or a range)",
                ));
            }
        };
        let Type::List(elem) = v.ty.clone() else {
            unreachable!("a list")
        };
        let (s, l) = self.bind_temp(v);
        let len = tir::Expr::field(l.clone(), layout::LIST_LEN, Type::Int);
        let i = self.temp(Type::Int);
        let iv = tir::Expr::local(i, Type::Int);
        // CPython's list_reverseiterator stops as soon as its index is out of range.
        let cond = and(
            tir::Expr::binary(BinaryOp::IntGe, iv.clone(), tir::Expr::int(0), Type::Bool),
            tir::Expr::binary(BinaryOp::IntLt, iv.clone(), len.clone(), Type::Bool),
        );
        let item = tir::Expr::new(
            ExprKind::ListItem {
                list: Box::new(l),
                index: Box::new(iv.clone()),
            },
            *elem,
        );
        let (s2, item) = self.bind_temp(item);
        Ok(Plan {
            pre: vec![
                s,
                tir::Stmt::AssignLocal(
                    i,
                    tir::Expr::binary(BinaryOp::IntSub, len, tir::Expr::int(1), Type::Int),
                ),
            ],
            cond,
            step: vec![
                s2,
                tir::Stmt::AssignLocal(
                    i,
                    tir::Expr::binary(BinaryOp::IntSub, iv, tir::Expr::int(1), Type::Int),
                ),
            ],
            elem: item,
        })
    }

    // ------------------------------------------------------------ for statements

    /// `for` over `enumerate`, `zip` or `reversed`; `None` for every other loop.
    pub(super) fn for_collections(
        &mut self,
        f: &ast::StmtFor,
        out: &mut Vec<tir::Stmt>,
    ) -> Option<R<()>> {
        let (name, _) = self.builtin_callee(&f.iter)?;
        if !matches!(name, "enumerate" | "zip" | "reversed") {
            return None;
        }
        Some(
            self.iter_plan(&f.iter)
                .and_then(|p| self.for_plan(f, p, out)),
        )
    }

    /// A `for` statement over a planned iteration.
    pub(super) fn for_plan(
        &mut self,
        f: &ast::StmtFor,
        plan: Plan,
        out: &mut Vec<tir::Stmt>,
    ) -> R<()> {
        let mut prologue = plan.step;
        self.bind_loop_target(&f.target, plan.elem, &mut prologue)?;
        let head = self.flow.clone();
        let body = self.loop_body(&f.body, head, prologue);
        out.extend(plan.pre);
        out.push(tir::Stmt::While {
            cond: plan.cond,
            body,
        });
        Ok(())
    }

    /// `for x in s` over a checked `set` value.
    pub(super) fn for_set(
        &mut self,
        f: &ast::StmtFor,
        v: tir::Expr,
        out: &mut Vec<tir::Stmt>,
    ) -> R<()> {
        let plan = self.set_plan(v);
        self.for_plan(f, plan, out)
    }

    // ------------------------------------------------------------ comprehension scopes

    fn enter_targets(&mut self, target: &Expr, saved: &mut Vec<Shadowed>) {
        let mut names = Vec::new();
        collect_names(target, &mut names);
        for name in names {
            saved.push(Shadowed {
                local: self.names.remove(&name),
                is_local_name: !self.local_names.insert(name.clone()),
                annotation: self.annotations.remove(&name),
                poisoned: self.poisoned.remove(&name),
                global: self.globals_declared.remove(&name),
                name,
            });
        }
    }

    fn leave_targets(&mut self, saved: Vec<Shadowed>) {
        for s in saved.into_iter().rev() {
            match s.local {
                Some(id) => {
                    self.names.insert(s.name.clone(), id);
                }
                None => {
                    self.names.remove(&s.name);
                }
            }
            if !s.is_local_name {
                self.local_names.remove(&s.name);
            }
            if let Some(t) = s.annotation {
                self.annotations.insert(s.name.clone(), t);
            }
            if s.poisoned {
                self.poisoned.insert(s.name.clone());
            }
            if s.global {
                self.globals_declared.insert(s.name);
            }
        }
    }

    /// Lowers the loops of `src`, calling `body` with each element (checked
    /// once); when `stop` is given, every loop also ends once it is true.
    fn fold(
        &mut self,
        src: Source<'_>,
        stop: Option<LocalId>,
        body: &mut Body<'_, 'c, 'a>,
    ) -> R<Vec<tir::Stmt>> {
        match src {
            Source::Iter(e) => {
                let plan = self.iter_plan(e)?;
                let mut inner = plan.step;
                inner.extend(body(self, plan.elem)?);
                let mut out = plan.pre;
                out.push(tir::Stmt::While {
                    cond: guard(plan.cond, stop),
                    body: inner,
                });
                Ok(out)
            }
            Source::Gen(elt, gens) => {
                let narrowed = self.flow.narrowed.clone();
                let mut saved = Vec::new();
                let r = self.fold_gens(elt, gens, stop, body, &mut saved);
                self.leave_targets(saved);
                self.flow.narrowed = narrowed;
                r
            }
        }
    }

    fn fold_gens(
        &mut self,
        elt: &Expr,
        gens: &[ast::Comprehension],
        stop: Option<LocalId>,
        body: &mut Body<'_, 'c, 'a>,
        saved: &mut Vec<Shadowed>,
    ) -> R<Vec<tir::Stmt>> {
        let Some((g, rest)) = gens.split_first() else {
            let v = self.expr(elt, None)?;
            return body(self, v);
        };
        if g.is_async {
            return Err(self.error(g.range, "'async for' is not supported"));
        }
        // The first clause sees the whole list (nothing is bound yet).
        if saved.is_empty() && gens.len() > MAX_FOR_CLAUSES {
            return Err(self.error(
                g.range,
                format!("too many for clauses: more than {MAX_FOR_CLAUSES} in one comprehension"),
            ));
        }
        let plan = self.iter_plan(&g.iter)?;
        self.enter_targets(&g.target, saved);
        let mut inner = plan.step;
        self.bind_loop_target(&g.target, plan.elem, &mut inner)?;
        let mut conds = Vec::new();
        for test in &g.ifs {
            let (c, yes, _) = self.cond(test)?;
            self.apply(&yes);
            conds.push(c);
        }
        let nested = self.fold_gens(elt, rest, stop, body, saved)?;
        match conds.into_iter().reduce(and) {
            Some(c) => inner.push(tir::Stmt::If {
                cond: c,
                then_body: nested,
                else_body: Vec::new(),
            }),
            None => inner.extend(nested),
        }
        let mut out = plan.pre;
        out.push(tir::Stmt::While {
            cond: guard(plan.cond, stop),
            body: inner,
        });
        Ok(out)
    }

    // ------------------------------------------------------------ comprehensions

    /// A list of the elements of `src` (a comprehension, or `list(iterable)`).
    pub(super) fn collect_list(
        &mut self,
        src: Source<'_>,
        elem: Option<&Type>,
        range: TextRange,
    ) -> R<tir::Expr> {
        let mut acc: Option<LocalId> = None;
        let mut body = |this: &mut Checker<'c, 'a>, v: tir::Expr| -> R<Vec<tir::Stmt>> {
            let v = match elem {
                Some(t) => this.coerce(v, t, range)?,
                None => v,
            };
            let id = this.temp(Type::List(Box::new(v.ty.clone())));
            acc = Some(id);
            let list = tir::Expr::local(id, Type::List(Box::new(v.ty.clone())));
            Ok(vec![tir::Stmt::Expr(tir::Expr::rt(
                Rt::ListAppend,
                vec![list, v],
                Type::None,
            ))])
        };
        let stmts = self.fold(src, None, &mut body)?;
        let Some(id) = acc else { return Err(Reported) };
        let ty = self.locals[id.0 as usize].ty.clone();
        let Type::List(e) = &ty else { unreachable!() };
        let mut all = vec![tir::Stmt::AssignLocal(
            id,
            tir::Expr::rt(
                Rt::ListNew,
                vec![tir::Expr::bool(e.is_ref()), tir::Expr::int(0)],
                ty.clone(),
            ),
        )];
        all.extend(stmts);
        Ok(block(all, tir::Expr::local(id, ty)))
    }

    /// A set of the elements of `src` (a comprehension, or `set(iterable)`).
    fn collect_set(
        &mut self,
        src: Source<'_>,
        elem: Option<&Type>,
        range: TextRange,
    ) -> R<tir::Expr> {
        let mut acc: Option<LocalId> = None;
        let mut body = |this: &mut Checker<'c, 'a>, v: tir::Expr| -> R<Vec<tir::Stmt>> {
            let v = match elem {
                Some(t) => this.coerce(v, t, range)?,
                None => v,
            };
            if !is_set_element(&v.ty) {
                return Err(this.error(
                    range,
                    format!(
                        "set elements must be int, bool, str or tuples of those, not {}",
                        type_name(&v.ty)
                    ),
                ));
            }
            let ty = Type::Set(Box::new(v.ty.clone()));
            let id = this.temp(ty.clone());
            acc = Some(id);
            Ok(vec![tir::Stmt::Expr(tir::Expr::rt(
                Rt::SetAdd,
                vec![tir::Expr::local(id, ty), v],
                Type::None,
            ))])
        };
        let stmts = self.fold(src, None, &mut body)?;
        let Some(id) = acc else { return Err(Reported) };
        let ty = self.locals[id.0 as usize].ty.clone();
        let mut all = vec![tir::Stmt::AssignLocal(id, new_set(&ty))];
        all.extend(stmts);
        Ok(block(all, tir::Expr::local(id, ty)))
    }

    /// List, set and dict comprehensions, set displays, and generator
    /// expressions (refused outside the builtins that consume them).
    pub(super) fn comprehension_expr(&mut self, e: &Expr, expected: Option<&Type>) -> R<tir::Expr> {
        match e {
            Expr::ListComp(c) => {
                let elem = match expected {
                    Some(Type::List(t)) => Some((**t).clone()),
                    _ => None,
                };
                self.collect_list(
                    Source::Gen(&c.elt, &c.generators),
                    elem.as_ref(),
                    c.elt.range(),
                )
            }
            Expr::SetComp(c) => {
                let elem = match expected {
                    Some(Type::Set(t)) => Some((**t).clone()),
                    _ => None,
                };
                self.collect_set(
                    Source::Gen(&c.elt, &c.generators),
                    elem.as_ref(),
                    c.elt.range(),
                )
            }
            Expr::DictComp(c) => self.dict_comprehension(c, expected),
            Expr::Set(s) => self.set_display(s, expected),
            Expr::Generator(g) => Err(self.error(
                g.range,
                "a generator expression is only supported as the argument of sum, any, all, min, \
                 max, sorted, list, set or str.join: use a list comprehension",
            )),
            _ => unreachable!("only comprehensions"),
        }
    }

    fn dict_comprehension(
        &mut self,
        c: &ast::ExprDictComp,
        expected: Option<&Type>,
    ) -> R<tir::Expr> {
        let (kt, vt) = match expected {
            Some(Type::Dict(k, v)) => (Some((**k).clone()), Some((**v).clone())),
            _ => (None, None),
        };
        let mut acc: Option<LocalId> = None;
        let Some(key_expr) = c.key.as_deref() else {
            return Err(self.error(c.range, "'**' unpacking is not supported"));
        };
        let value_expr = &c.value;
        // The key is the comprehension's element; the value is checked next to it.
        let mut body = |this: &mut Checker<'c, 'a>, k: tir::Expr| -> R<Vec<tir::Stmt>> {
            let k = match &kt {
                Some(t) => this.coerce(k, t, key_expr.range())?,
                None => k,
            };
            if !matches!(k.ty, Type::Int | Type::Str) {
                return Err(this.error(
                    key_expr.range(),
                    format!("dict keys must be int or str, not {}", type_name(&k.ty)),
                ));
            }
            let mut stmts = Vec::new();
            let (s, k) = this.bind_temp(k);
            stmts.push(s);
            let v = match &vt {
                Some(t) => this.expr_as(value_expr, t)?,
                None => this.expr(value_expr, None)?,
            };
            let ty = Type::Dict(Box::new(k.ty.clone()), Box::new(v.ty.clone()));
            let id = this.temp(ty.clone());
            acc = Some(id);
            stmts.push(tir::Stmt::Expr(tir::Expr::rt(
                Rt::DictSetItem,
                vec![tir::Expr::local(id, ty), k, v],
                Type::None,
            )));
            Ok(stmts)
        };
        let stmts = self.fold(Source::Gen(key_expr, &c.generators), None, &mut body)?;
        let Some(id) = acc else { return Err(Reported) };
        let ty = self.locals[id.0 as usize].ty.clone();
        let Type::Dict(k, v) = &ty else {
            unreachable!()
        };
        let mut all = vec![tir::Stmt::AssignLocal(
            id,
            tir::Expr::rt(
                Rt::DictNew,
                vec![
                    tir::Expr::bool(**k == Type::Str),
                    tir::Expr::bool(v.is_ref()),
                ],
                ty.clone(),
            ),
        )];
        all.extend(stmts);
        Ok(block(all, tir::Expr::local(id, ty)))
    }

    /// `{a, b, c}`: an empty set, then each element added in order (CPython's BUILD_SET).
    fn set_display(&mut self, s: &ast::ExprSet, expected: Option<&Type>) -> R<tir::Expr> {
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
                    type_name(&elem)
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
        Ok(block(stmts, set))
    }

    // ------------------------------------------------------------ builtins

    /// Builtins this module owns, and the consuming builtins called with a
    /// generator expression or an iterable the older paths do not take;
    /// `None` leaves the call to [`Checker::builtin_call`].
    pub(super) fn collections_call(
        &mut self,
        name: &str,
        c: &ast::ExprCall,
        expected: Option<&Type>,
    ) -> Option<R<tir::Expr>> {
        let args = &c.arguments.args;
        let first_is_new = args.first().is_some_and(|a| {
            matches!(a, Expr::Generator(_))
                || self
                    .builtin_callee(a)
                    .is_some_and(|(n, _)| matches!(n, "range" | "enumerate" | "zip" | "reversed"))
        });
        Some(match name {
            "enumerate" | "zip" | "reversed" => Err(self.error(
                c.range(),
                format!("{name}() is only supported as the iterable of a for loop or comprehension, or inside list(), sorted(), set()..."),
            )),
            "sum" => self.sum(c),
            "any" | "all" => self.any_all(name, c),
            "set" => self.set_call(c, expected),
            "tuple" => self.tuple_call(c, expected),
            "type" => Err(self.error(
                c.range(),
                "type() is only supported as type(x).__name__",
            )),
            "list" if first_is_new && args.len() == 1 && c.arguments.keywords.is_empty() => {
                let elem = match expected {
                    Some(Type::List(t)) => Some((**t).clone()),
                    _ => None,
                };
                self.collect_list(Source::of(&args[0]), elem.as_ref(), args[0].range())
            }
            "sorted" | "min" | "max" if first_is_new => self.consume_as_list(name, c),
            _ => return None,
        })
    }

    /// `sorted`, `min` and `max` of a generator or of a lazily iterated iterable.
    fn consume_as_list(&mut self, name: &str, c: &ast::ExprCall) -> R<tir::Expr> {
        let slots: &[(&str, bool)] = if name == "sorted" {
            &[("iterable", true), ("reverse", false)]
        } else {
            &[("iterable", true)]
        };
        let b = self.bind_args(c, name, slots)?;
        let x = b[0].expect("required");
        let l = self.collect_list(Source::of(x), None, x.range())?;
        let Type::List(e) = l.ty.clone() else {
            unreachable!()
        };
        if name == "sorted" {
            let rev = match b.get(1).copied().flatten() {
                Some(r) => self.expr_as(r, &Type::Bool)?,
                None => tir::Expr::bool(false),
            };
            return self.sorted_list(l, rev, x.range());
        }
        self.min_max_of_list(name, l, *e, x.range())
    }

    fn sum(&mut self, c: &ast::ExprCall) -> R<tir::Expr> {
        let b = self.bind_args(c, "sum", &[("iterable", true), ("start", false)])?;
        let x = b[0].expect("required");
        let start = match b[1] {
            Some(s) => Some(self.expr(s, None)?),
            None => None,
        };
        let acc = self.temp(Type::Int);
        let mut elem_ty: Option<Type> = None;
        let start_ty = start.as_ref().map(|s| s.ty.clone());
        let mut body = |this: &mut Checker<'c, 'a>, v: tir::Expr| -> R<Vec<tir::Stmt>> {
            let ty = match (&v.ty, &start_ty) {
                (Type::Int, None | Some(Type::Int)) => Type::Int,
                (Type::Float, Some(Type::Float)) | (Type::Int, Some(Type::Float)) => Type::Float,
                (Type::Float, None | Some(Type::Int)) => {
                    return Err(this.error(
                        c.range(),
                        "sum() of floats needs a float start (sum(xs, 0.0)): with none, CPython returns the int 0 when there are no elements",
                    ));
                }
                (t, _) => {
                    let t = t.clone();
                    return Err(this.error(
                        x.range(),
                        format!("sum() adds ints or floats, not {}", type_name(&t)),
                    ));
                }
            };
            this.locals[acc.0 as usize].ty = ty.clone();
            elem_ty = Some(ty.clone());
            let cur = tir::Expr::local(acc, ty.clone());
            let v = if ty == Type::Float && v.ty == Type::Int {
                super::values::to_float(v)
            } else {
                v
            };
            let op = if ty == Type::Float {
                BinaryOp::FloatAdd
            } else {
                BinaryOp::IntAddChecked
            };
            Ok(vec![tir::Stmt::AssignLocal(
                acc,
                tir::Expr::binary(op, cur, v, ty),
            )])
        };
        let stmts = self.fold(Source::of(x), None, &mut body)?;
        let ty = elem_ty.ok_or(Reported)?;
        let init = match start {
            Some(s) => s,
            None => tir::Expr::int(0),
        };
        let mut all = vec![tir::Stmt::AssignLocal(acc, init)];
        all.extend(stmts);
        Ok(block(all, tir::Expr::local(acc, ty)))
    }

    /// `any(...)`/`all(...)`: stops at the first true (false) element.
    fn any_all(&mut self, name: &str, c: &ast::ExprCall) -> R<tir::Expr> {
        let b = self.bind_args(c, name, &[("iterable", true)])?;
        let x = b[0].expect("required");
        let is_any = name == "any";
        let done = self.temp(Type::Bool);
        let mut body = |this: &mut Checker<'c, 'a>, v: tir::Expr| -> R<Vec<tir::Stmt>> {
            let t = this.truthy(v)?;
            let decisive = if is_any { t } else { not(t) };
            Ok(vec![tir::Stmt::If {
                cond: decisive,
                then_body: vec![tir::Stmt::AssignLocal(done, tir::Expr::bool(true))],
                else_body: Vec::new(),
            }])
        };
        let stmts = self.fold(Source::of(x), Some(done), &mut body)?;
        let mut all = vec![tir::Stmt::AssignLocal(done, tir::Expr::bool(false))];
        all.extend(stmts);
        let result = tir::Expr::local(done, Type::Bool);
        Ok(block(all, if is_any { result } else { not(result) }))
    }

    /// `set()`, `set(iterable)`.
    fn set_call(&mut self, c: &ast::ExprCall, expected: Option<&Type>) -> R<tir::Expr> {
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

    fn set_of_plan(&mut self, plan: Plan, range: TextRange) -> R<tir::Expr> {
        let elem = plan.elem.ty.clone();
        if !is_set_element(&elem) {
            return Err(self.error(
                range,
                format!(
                    "set elements must be int, bool, str or tuples of those, not {}",
                    type_name(&elem)
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

    /// `sep.join(x for x in ...)`: `None` when the argument is no generator.
    pub(super) fn join_generator(
        &mut self,
        sep: &tir::Expr,
        c: &ast::ExprCall,
    ) -> Option<R<tir::Expr>> {
        let [g @ Expr::Generator(_)] = &c.arguments.args[..] else {
            return None;
        };
        Some((|| {
            let l = self.collect_list(Source::of(g), Some(&Type::Str), g.range())?;
            Ok(tir::Expr::rt(Rt::StrJoin, vec![sep.clone(), l], Type::Str))
        })())
    }

    /// `type(x).__name__`; `None` for any other attribute.
    pub(super) fn type_name_attr(&mut self, a: &ast::ExprAttribute) -> Option<R<tir::Expr>> {
        let (name, c) = self.builtin_callee(&a.value)?;
        if name != "type" || a.attr.id.as_str() != "__name__" {
            return None;
        }
        Some((|| {
            let [x] = &c.arguments.args[..] else {
                return Err(self.error(c.range(), "type() takes exactly one argument"));
            };
            if !c.arguments.keywords.is_empty() {
                return Err(self.error(c.range(), "type() takes no keyword arguments"));
            }
            let v = self.expr(x, None)?;
            let t = v.ty.clone();
            if matches!(t, Type::Callable(..)) {
                // CPython says `function` or `method`, which the type does not tell apart.
                return Err(self.error(
                    x.range(),
                    "type(f).__name__ of a function value is not supported",
                ));
            }
            Ok(tir::Expr::rt(
                Rt::TypeName,
                vec![v, tir::Expr::type_code(t)],
                Type::Str,
            ))
        })())
    }

    // ------------------------------------------------------------ sets

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
            return Some(Err(self.error(
                range,
                format!(
                    "unsupported operand types for {}: {} and {}",
                    op.as_str(),
                    type_name(&l.ty),
                    type_name(&r.ty)
                ),
            )));
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
                    type_name(&l.ty),
                    type_name(&r.ty)
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
            let b = this.bind_args(c, &fname, &[("x", true)])?;
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

    /// `d.get(k)` for `int`, `float` or `bool` values: a boxed `V | None`.
    pub(super) fn dict_get_boxed(&mut self, d: tir::Expr, key: tir::Expr, v: Type) -> tir::Expr {
        let opt = Type::Optional(Box::new(v.clone()));
        let (s1, d) = self.bind_temp(d);
        let (s2, k) = self.bind_temp(key);
        let found = tir::Expr::rt(Rt::DictContains, vec![d.clone(), k.clone()], Type::Bool);
        let value = tir::Expr::rt(Rt::DictGetItem, vec![d, k], v);
        block(
            vec![s1, s2],
            tir::Expr::new(
                ExprKind::IfElse {
                    cond: Box::new(found),
                    then: Box::new(to_optional(value, &opt)),
                    otherwise: Box::new(tir::Expr::new(ExprKind::None, opt.clone())),
                },
                opt,
            ),
        )
    }

    /// `sorted` of a fresh list.
    fn sorted_list(&mut self, l: tir::Expr, rev: tir::Expr, range: TextRange) -> R<tir::Expr> {
        self.sort_in_place_expr(l, rev, range)
    }

    fn min_max_of_list(
        &mut self,
        name: &str,
        l: tir::Expr,
        e: Type,
        range: TextRange,
    ) -> R<tir::Expr> {
        self.check_orderable(&e, range)?;
        let rt = if name == "min" {
            Rt::ListMin
        } else {
            Rt::ListMax
        };
        Ok(tir::Expr::rt(
            rt,
            vec![l, tir::Expr::type_code(e.clone())],
            e,
        ))
    }
}

/// A new empty set of type `ty`.
fn new_set(ty: &Type) -> tir::Expr {
    let Type::Set(e) = ty else {
        unreachable!("a set type")
    };
    tir::Expr::rt(
        Rt::SetNew,
        vec![tir::Expr::type_code((**e).clone())],
        ty.clone(),
    )
}

/// A loop condition that is also false once `stop` is set.
fn guard(cond: tir::Expr, stop: Option<LocalId>) -> tir::Expr {
    match stop {
        Some(s) => and(not(tir::Expr::local(s, Type::Bool)), cond),
        None => cond,
    }
}

/// The names a comprehension target binds.
fn collect_names(t: &Expr, out: &mut Vec<String>) {
    match t {
        Expr::Name(n) => out.push(n.id.to_string()),
        Expr::Tuple(tu) => tu.elts.iter().for_each(|e| collect_names(e, out)),
        Expr::List(l) => l.elts.iter().for_each(|e| collect_names(e, out)),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::MAX_FOR_CLAUSES;
    use crate::frontend::tests::{check, program};

    fn clauses(n: usize) -> String {
        let fors: Vec<String> = (0..n).map(|i| format!("for v{i} in range(2)")).collect();
        program(&format!("    print(len([0 {}]))\n", fors.join(" ")))
    }

    #[test]
    fn comprehension_variables_do_not_leak() {
        let diags = check(&program(
            "    ys = [i for i in range(3)]\n    print(ys, i)\n",
        ));
        assert_eq!(diags.len(), 1, "{diags:?}");
        assert!(
            diags[0].starts_with("main.py:4:15: error: name 'i' is not defined"),
            "{}",
            diags[0]
        );
    }

    #[test]
    fn a_comprehension_variable_shadows_a_local_of_another_type() {
        let body = "    i = \"s\"\n    ys = [i * 2 for i in range(3)]\n    print(ys, i + \"!\")\n";
        assert_eq!(check(&program(body)), Vec::<String>::new());
    }

    #[test]
    fn a_generator_expression_outside_a_consuming_call_is_refused() {
        let diags = check(&program("    g = (i for i in range(3))\n"));
        assert_eq!(diags.len(), 1, "{diags:?}");
        assert!(
            diags[0].contains("a generator expression is only supported"),
            "{}",
            diags[0]
        );
    }

    #[test]
    fn optional_values_narrow_and_box() {
        let body = "    v: int | None = None\n    if x > 1:\n        v = x\n    if v is not None:\n        print(v + 1)\n";
        assert_eq!(check(&program(body)), Vec::<String>::new());
        let diags = check(&program("    v: int | None = None\n    print(v + 1)\n"));
        assert_eq!(diags.len(), 1, "{diags:?}");
        assert!(
            diags[0].contains("narrow the optional first"),
            "{}",
            diags[0]
        );
    }

    #[test]
    fn sets_refuse_unhashable_elements() {
        let diags = check(&program("    s: set[float] = set()\n"));
        assert_eq!(diags.len(), 1, "{diags:?}");
        assert!(
            diags[0].contains("set elements must be int, bool, str or tuples"),
            "{}",
            diags[0]
        );
    }

    #[test]
    fn for_clauses_up_to_the_limit_are_accepted() {
        assert_eq!(check(&clauses(MAX_FOR_CLAUSES)), Vec::<String>::new());
    }

    #[test]
    fn for_clauses_past_the_limit_are_one_error() {
        let diags = check(&clauses(MAX_FOR_CLAUSES + 1));
        assert_eq!(diags.len(), 1, "{diags:?}");
        assert!(
            diags[0].contains(&format!(
                "too many for clauses: more than {MAX_FOR_CLAUSES}"
            )),
            "{}",
            diags[0]
        );
    }
}
