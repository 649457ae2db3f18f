//! Iteration plans: how to walk each iterable the language accepts, as the
//! parts of a `while` loop ([`Plan`]): statements run once before the loop,
//! the loop condition, the statements that advance to the next element, and
//! the element itself. Lists, strings, tuples, dicts and their views, sets,
//! `range`, `enumerate`, `zip` and `reversed` each have one; `for` loops over
//! anything but a `range` and every comprehension clause use them.

use ruff_python_ast::{self as ast, Expr};
use ruff_text_size::{Ranged, TextRange};

use super::checker::{Checker, R};
use super::defs::Slot;
use super::values::{and, block};
use crate::layout;
use crate::rt::Rt;
use crate::tir::{self, BinaryOp, ExprKind, Type};

/// How to walk an iterable with a `while` loop.
pub(super) struct Plan {
    /// Run once, before the loop.
    pub(super) pre: Vec<tir::Stmt>,
    /// The loop condition (may bind temporaries it reads, in a block).
    pub(super) cond: tir::Expr,
    /// Run at the top of each iteration; afterwards [`Plan::elem`] is valid.
    pub(super) step: Vec<tir::Stmt>,
    /// The current element (reads temporaries only).
    pub(super) elem: tir::Expr,
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

pub(super) fn int_lit(e: &Expr) -> Option<i64> {
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
            Type::VarTuple(_) => Ok(self.list_plan(super::values::to_list(v))),
            other => Err(self.not_narrowed_or(range, &other, "is not iterable")),
        }
    }

    pub(super) fn list_plan(&mut self, v: tir::Expr) -> Plan {
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

    pub(super) fn str_plan(&mut self, v: tir::Expr) -> Plan {
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

    pub(super) fn dict_plan(&mut self, v: tir::Expr, view: &str) -> Plan {
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

    pub(super) fn set_plan(&mut self, v: tir::Expr) -> Plan {
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

    pub(super) fn range_args(&mut self, c: &ast::ExprCall) -> R<(tir::Expr, tir::Expr, i64)> {
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

    pub(super) fn range_plan(&mut self, c: &ast::ExprCall) -> R<Plan> {
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

    pub(super) fn enumerate_plan(&mut self, c: &ast::ExprCall) -> R<Plan> {
        let b = self.bind_args(
            c,
            "enumerate",
            &[Slot::arg("iterable"), Slot::arg_opt("start")],
        )?;
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

    pub(super) fn zip_plan(&mut self, c: &ast::ExprCall) -> R<Plan> {
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

    pub(super) fn reversed_plan(&mut self, c: &ast::ExprCall) -> R<Plan> {
        let b = self.bind_args(c, "reversed", &[Slot::pos("sequence")])?;
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
}
