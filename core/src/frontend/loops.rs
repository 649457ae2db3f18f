//! Checking `while` and `for` loops. A loop is checked optimistically, keeping
//! the narrowings it starts with, and checked again with the body's assignments
//! forgotten when a back edge disagrees (mypy's approach); `for` over a `range`
//! becomes a counting `while`, `for` over anything else an index or iterator
//! loop.

use ruff_python_ast::{self as ast, Expr, Stmt};
use ruff_text_size::Ranged;

use super::checker::{Checker, R};
use super::flow::{Flow, LoopFrame};
use super::scan::{scan_attr_targets, scan_block, target_names_of};
use crate::rt::{ExcKind, Rt};
use crate::tir::{self, BinaryOp, ExprKind, Type};

impl<'c, 'a> Checker<'c, 'a> {
    /// Checks a loop, as mypy does, by a small fixpoint: first assuming that what
    /// is narrowed on entry stays narrowed on the way round (`cur = cur.next`
    /// inside `while cur.next is not None:`); if a back edge breaks that
    /// assumption, the attempt is discarded and the loop is checked again with
    /// the narrowings of everything the body assigns dropped.
    pub(super) fn loop_stmt(&mut self, s: &Stmt, out: &mut Vec<tir::Stmt>) -> R<()> {
        const MAX_OPTIMISTIC_NESTING: usize = 4;
        if self.optimistic_depth < MAX_OPTIMISTIC_NESTING {
            let diagnostics = self.cx.diagnostics.len();
            let locals = self.locals.len();
            let names = self.names.clone();
            let poisoned = self.poisoned.clone();
            let flow = self.flow.clone();
            self.optimistic_depth += 1;
            self.optimistic_next_loop = true;
            let mut trial = Vec::new();
            let r = self.loop_stmt_inner(s, &mut trial);
            self.optimistic_depth -= 1;
            let holds = match self.last_loop.take() {
                Some((head, back_edges)) => head.iter().all(|(k, t)| {
                    back_edges
                        .iter()
                        .filter(|f| f.reachable)
                        .all(|f| f.narrowed.get(k) == Some(t))
                }),
                None => false,
            };
            if holds {
                out.extend(trial);
                return r;
            }
            self.cx.diagnostics.truncate(diagnostics);
            self.locals.truncate(locals);
            self.names = names;
            self.poisoned = poisoned;
            self.flow = flow;
        }
        self.optimistic_next_loop = false;
        self.loop_stmt_inner(s, out)
    }

    pub(super) fn loop_stmt_inner(&mut self, s: &Stmt, out: &mut Vec<tir::Stmt>) -> R<()> {
        match s {
            Stmt::While(w) => self.while_stmt(w, out),
            Stmt::For(f) => self.for_stmt(f, out),
            _ => unreachable!("only loops"),
        }
    }

    /// Drops narrowings of locals that a loop body assigns (they may change on the
    /// way round), unless this is an optimistic attempt; the loop targets always.
    pub(super) fn loop_head(&mut self, body: &[Stmt], extra: &[String]) {
        let optimistic = std::mem::take(&mut self.optimistic_next_loop);
        for name in extra {
            if let Some(&id) = self.names.get(name) {
                self.flow.forget_local(id);
            }
        }
        if optimistic {
            return;
        }
        let mut assigned = Vec::new();
        let mut anns = Vec::new();
        let mut globals = Vec::new();
        scan_block(body, &mut assigned, &mut anns, &mut globals);
        for name in &assigned {
            if let Some(&id) = self.names.get(name) {
                self.flow.forget_local(id);
            }
        }
        let mut attrs = Vec::new();
        scan_attr_targets(body, &mut attrs);
        for a in attrs {
            self.flow.forget_attr(&a);
        }
    }

    pub(super) fn while_stmt(&mut self, w: &ast::StmtWhile, out: &mut Vec<tir::Stmt>) -> R<()> {
        self.loop_head(&w.body, &[]);
        let entry = self.flow.narrowed.clone();
        let (cond, yes, no) = self.cond(&w.test)?;
        let head = self.flow.clone();
        self.apply(&yes);
        self.loops.push(LoopFrame::default());
        let mut body = Vec::new();
        self.block(&w.body, &mut body);
        let mut frame = self.loops.pop().expect("pushed");
        frame.back_edges.push(self.flow.clone());
        self.last_loop = Some((entry, frame.back_edges));
        let breaks = frame.breaks;
        let always = matches!(w.test.as_ref(), Expr::BooleanLiteral(b) if b.value);
        let mut after = if always { head.unreachable() } else { head };
        self.flow = after.clone();
        self.apply(&no);
        after = self.flow.clone();
        for b in breaks {
            after = self.join_flows(after, b);
        }
        self.flow = after;
        out.push(tir::Stmt::While { cond, body });
        Ok(())
    }

    /// Runs a loop body for a desugared `for`; `bind` assigns the loop variables.
    pub(super) fn loop_body(
        &mut self,
        body: &[Stmt],
        head: Flow,
        prologue: Vec<tir::Stmt>,
    ) -> Vec<tir::Stmt> {
        self.loops.push(LoopFrame::default());
        let mut out = prologue;
        self.block(body, &mut out);
        let mut frame = self.loops.pop().expect("pushed");
        frame.back_edges.push(self.flow.clone());
        self.last_loop = Some((head.narrowed.clone(), frame.back_edges));
        let breaks = frame.breaks;
        let mut after = head;
        for b in breaks {
            after = self.join_flows(after, b);
        }
        self.flow = after;
        out
    }

    pub(super) fn for_stmt(&mut self, f: &ast::StmtFor, out: &mut Vec<tir::Stmt>) -> R<()> {
        let mut target_names = Vec::new();
        target_names_of(&f.target, &mut target_names);
        self.loop_head(&f.body, &target_names);
        // `for ... in range(...)`
        if let Expr::Call(call) = f.iter.as_ref()
            && let Expr::Name(n) = call.func.as_ref()
            && n.id.as_str() == "range"
            && !self.is_shadowed("range")
        {
            return self.for_range(f, call, out);
        }
        if let Some(r) = self.for_collections(f, out) {
            return r;
        }
        // `for k in d`, `for k in d.keys()`, `for v in d.values()`, `for k, v in d.items()`
        let (iter_expr, dict_view) = match f.iter.as_ref() {
            Expr::Call(call)
                if call.arguments.args.is_empty() && call.arguments.keywords.is_empty() =>
            {
                match call.func.as_ref() {
                    Expr::Attribute(a)
                        if matches!(a.attr.id.as_str(), "keys" | "values" | "items") =>
                    {
                        let recv = self.expr(&a.value, None)?;
                        if matches!(recv.ty, Type::Dict(..)) {
                            (recv, Some(a.attr.id.to_string()))
                        } else {
                            (self.expr(&f.iter, None)?, None)
                        }
                    }
                    _ => (self.expr(&f.iter, None)?, None),
                }
            }
            // A set display iterated directly: CPython iterates its frozenset constant.
            Expr::Set(s) => (
                self.set_display_as(s, None, super::sets::DisplayUse::Iterated)?,
                None,
            ),
            _ => (self.expr(&f.iter, None)?, None),
        };
        // A tuple[T, ...] is walked as a list of its elements.
        let iter_expr = if matches!(iter_expr.ty, Type::VarTuple(_)) {
            super::values::to_list(iter_expr)
        } else {
            iter_expr
        };
        let iter_ty = iter_expr.ty.clone();
        let mut pre = Vec::new();
        match iter_ty {
            Type::Dict(k, v) => {
                let (s, d) = self.bind_temp(iter_expr);
                pre.push(s);
                let (cond, e, prologue) =
                    self.entry_walk(&d, crate::layout::DICT_LEN, Rt::DictIterNext, &mut pre);
                let key = tir::Expr::rt(Rt::DictEntryKey, vec![d.clone(), e.clone()], (*k).clone());
                let value =
                    tir::Expr::rt(Rt::DictEntryValue, vec![d.clone(), e.clone()], (*v).clone());
                let element = match dict_view.as_deref() {
                    None | Some("keys") => key,
                    Some("values") => value,
                    _ => tir::Expr::new(
                        ExprKind::Tuple(vec![key, value]),
                        Type::Tuple(vec![(*k).clone(), (*v).clone()]),
                    ),
                };
                let mut prologue = prologue;
                self.bind_loop_target(&f.target, element, &mut prologue)?;
                let head = self.flow.clone();
                let body = self.loop_body(&f.body, head, prologue);
                out.extend(pre);
                out.push(tir::Stmt::While { cond, body });
            }
            Type::List(_) | Type::DictKeys(_) | Type::DictValues(_) | Type::DictItems(..) => {
                let elem = match &iter_ty {
                    Type::List(t) | Type::DictKeys(t) | Type::DictValues(t) => (**t).clone(),
                    Type::DictItems(k, v) => Type::Tuple(vec![(**k).clone(), (**v).clone()]),
                    _ => unreachable!("matched above"),
                };
                let (s, l) = self.bind_temp(iter_expr);
                pre.push(s);
                let i = self.temp(Type::Int);
                pre.push(tir::Stmt::AssignLocal(i, tir::Expr::int(0)));
                let iv = tir::Expr::local(i, Type::Int);
                let cond = tir::Expr::binary(
                    BinaryOp::IntLt,
                    iv.clone(),
                    tir::Expr::field(l.clone(), crate::layout::LIST_LEN, Type::Int),
                    Type::Bool,
                );
                // The loop condition has just compared `i` with the length, and
                // nothing runs in between: the load needs no bounds check.
                let item = tir::Expr::new(
                    ExprKind::ListItem {
                        list: Box::new(l),
                        index: Box::new(iv.clone()),
                    },
                    elem,
                );
                let (s, item) = self.bind_temp(item);
                let mut prologue = vec![
                    s,
                    tir::Stmt::AssignLocal(
                        i,
                        tir::Expr::binary(BinaryOp::IntAdd, iv, tir::Expr::int(1), Type::Int),
                    ),
                ];
                self.bind_loop_target(&f.target, item, &mut prologue)?;
                let head = self.flow.clone();
                let body = self.loop_body(&f.body, head, prologue);
                out.extend(pre);
                out.push(tir::Stmt::While { cond, body });
            }
            Type::Str => {
                let (s, st) = self.bind_temp(iter_expr);
                pre.push(s);
                let p = self.temp(Type::Int);
                pre.push(tir::Stmt::AssignLocal(p, tir::Expr::int(0)));
                let pv = tir::Expr::local(p, Type::Int);
                let cond = tir::Expr::binary(
                    BinaryOp::IntLt,
                    pv.clone(),
                    tir::Expr::field(st.clone(), crate::layout::STR_BYTE_LEN, Type::Int),
                    Type::Bool,
                );
                let ch = tir::Expr::rt(Rt::StrCharAt, vec![st, pv.clone()], Type::Str);
                let (s, ch) = self.bind_temp(ch);
                let mut prologue = vec![
                    s,
                    tir::Stmt::AssignLocal(
                        p,
                        tir::Expr::binary(
                            BinaryOp::IntAdd,
                            pv,
                            tir::Expr::field(ch.clone(), crate::layout::STR_BYTE_LEN, Type::Int),
                            Type::Int,
                        ),
                    ),
                ];
                self.bind_loop_target(&f.target, ch, &mut prologue)?;
                let head = self.flow.clone();
                let body = self.loop_body(&f.body, head, prologue);
                out.extend(pre);
                out.push(tir::Stmt::While { cond, body });
            }
            Type::Set(_) => self.for_set(f, iter_expr, out)?,
            Type::File => self.for_file(f, iter_expr, out)?,
            Type::Optional(_) => {
                return Err(self.error(
                    f.iter.range(),
                    "this value may be None: narrow it first (e.g. 'if x is not None:')",
                ));
            }
            other => {
                return Err(self.error(
                    f.iter.range(),
                    format!("cannot iterate over {}", self.type_name(&other)),
                ));
            }
        }
        Ok(())
    }

    pub(super) fn is_shadowed(&self, name: &str) -> bool {
        self.local_names.contains(name) || self.cx.module(self.module).scope.contains_key(name)
    }

    pub(super) fn for_range(
        &mut self,
        f: &ast::StmtFor,
        call: &ast::ExprCall,
        out: &mut Vec<tir::Stmt>,
    ) -> R<()> {
        if !call.arguments.keywords.is_empty() {
            return Err(self.error(call.range(), "range() takes no keyword arguments"));
        }
        let args: Vec<tir::Expr> = call
            .arguments
            .args
            .iter()
            .map(|a| self.expr_as(a, &Type::Int))
            .collect::<R<_>>()?;
        let (start, stop, step) = match args.len() {
            1 => (tir::Expr::int(0), args[0].clone(), tir::Expr::int(1)),
            2 => (args[0].clone(), args[1].clone(), tir::Expr::int(1)),
            3 => (args[0].clone(), args[1].clone(), args[2].clone()),
            n => {
                return Err(self.error(
                    call.range(),
                    format!("range expected 1 to 3 arguments, got {n}"),
                ));
            }
        };
        let mut pre = Vec::new();
        let i = self.temp(Type::Int);
        pre.push(tir::Stmt::AssignLocal(i, start));
        let (s, stop) = self.bind_temp(stop);
        pre.push(s);
        let iv = tir::Expr::local(i, Type::Int);
        let (cond, step) = match step.kind {
            ExprKind::Int(0) => {
                return Err(self.error(call.range(), "range() arg 3 must not be zero"));
            }
            ExprKind::Int(k) => {
                let op = if k > 0 {
                    BinaryOp::IntLt
                } else {
                    BinaryOp::IntGt
                };
                (tir::Expr::binary(op, iv.clone(), stop, Type::Bool), step)
            }
            _ => {
                let (s, stepv) = self.bind_temp(step);
                pre.push(s);
                let zero = self.raise_msg(ExcKind::ValueError, "range() arg 3 must not be zero");
                pre.push(tir::Stmt::If {
                    cond: tir::Expr::binary(
                        BinaryOp::IntEq,
                        stepv.clone(),
                        tir::Expr::int(0),
                        Type::Bool,
                    ),
                    then_body: vec![tir::Stmt::Expr(zero)],
                    else_body: Vec::new(),
                });
                let both = |a: tir::Expr, b: tir::Expr| {
                    tir::Expr::new(ExprKind::And(Box::new(a), Box::new(b)), Type::Bool)
                };
                let up = both(
                    tir::Expr::binary(
                        BinaryOp::IntGt,
                        stepv.clone(),
                        tir::Expr::int(0),
                        Type::Bool,
                    ),
                    tir::Expr::binary(BinaryOp::IntLt, iv.clone(), stop.clone(), Type::Bool),
                );
                let down = both(
                    tir::Expr::binary(
                        BinaryOp::IntLt,
                        stepv.clone(),
                        tir::Expr::int(0),
                        Type::Bool,
                    ),
                    tir::Expr::binary(BinaryOp::IntGt, iv.clone(), stop, Type::Bool),
                );
                (
                    tir::Expr::new(ExprKind::Or(Box::new(up), Box::new(down)), Type::Bool),
                    stepv,
                )
            }
        };
        let step_expr = step;
        let (s, cur) = self.bind_temp(iv.clone());
        let mut prologue = vec![
            s,
            tir::Stmt::AssignLocal(
                i,
                tir::Expr::binary(BinaryOp::IntAddSaturating, iv, step_expr, Type::Int),
            ),
        ];
        self.bind_loop_target(&f.target, cur, &mut prologue)?;
        let head = self.flow.clone();
        let body = self.loop_body(&f.body, head, prologue);
        out.extend(pre);
        out.push(tir::Stmt::While { cond, body });
        Ok(())
    }

    /// Assigns a loop's element to its target (a name, or a tuple of names).
    pub(super) fn bind_loop_target(
        &mut self,
        target: &Expr,
        value: tir::Expr,
        out: &mut Vec<tir::Stmt>,
    ) -> R<()> {
        self.assign_value(target, value, out)
    }
}
