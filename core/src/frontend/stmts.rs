//! Checking statements and lowering them to TIR: expression statements,
//! `if`/`elif`, assignments of every form (annotated, augmented, to
//! subscripts, attributes and tuples), `del`, `return`, `pass`, `global`.
//! Loops are in `loops.rs`, `raise` and `try` in `exceptions.rs`.

use ruff_python_ast::{self as ast, Expr, Operator, Stmt};
use ruff_text_size::{Ranged, TextRange};

use super::checker::{Checker, R, Reported};
use super::defs::Binding;
use super::exceptions::raise_builtin;
use super::flow::{Flow, NarrowKey};
use super::values::null_str;
use crate::rt::{ExcKind, Rt};
use crate::tir::{self, ExprKind, Type, UnaryOp};

/// How many `elif` clauses may nest along one path through a body (each is an
/// `if` in the `else` branch of the one before, for every later pass too).
pub(super) const MAX_ELIF_DEPTH: usize = 10_000;

impl<'c, 'a> Checker<'c, 'a> {
    pub(super) fn block(&mut self, stmts: &[Stmt], out: &mut Vec<tir::Stmt>) {
        for s in stmts {
            if self.stmt(s, out).is_err() {
                self.failed = true;
            }
        }
    }

    pub(super) fn stmt(&mut self, s: &Stmt, out: &mut Vec<tir::Stmt>) -> R<()> {
        self.enter(s.range())?;
        let start = out.len();
        let r = self.stmt_inner(s, out);
        self.depth -= 1;
        self.refuse_generic_ops(&out[start..], s.range());
        r
    }

    pub(super) fn stmt_inner(&mut self, s: &Stmt, out: &mut Vec<tir::Stmt>) -> R<()> {
        match s {
            Stmt::Expr(e) => {
                if matches!(e.value.as_ref(), Expr::StringLiteral(_)) {
                    return Ok(());
                }
                if let Some(raise) = self.sys_exit_stmt(&e.value) {
                    out.push(raise?);
                    self.flow = self.flow.unreachable();
                    return Ok(());
                }
                let v = self.expr(&e.value, None)?;
                out.push(tir::Stmt::Expr(v));
            }
            Stmt::Pass(_) => {}
            Stmt::Assign(a) => {
                let [target] = a.targets.as_slice() else {
                    return Err(
                        self.error(a.range, "chained assignment ('a = b = v') is not supported")
                    );
                };
                self.assign(target, &a.value, out)?;
            }
            Stmt::AnnAssign(a) => {
                let Expr::Name(n) = a.target.as_ref() else {
                    return Err(self.error(a.target.range(), "only a plain name can be annotated"));
                };
                // The annotation was refused (and reported): checking the value
                // without it would only add a second error.
                if self.poisoned.contains(n.id.as_str()) {
                    return Err(Reported);
                }
                if let Some(v) = &a.value {
                    self.assign(&a.target, v, out)?;
                }
            }
            Stmt::AugAssign(a) => self.aug_assign(a, out)?,
            Stmt::If(s) => self.if_stmt(&s.test, &s.body, &s.elif_else_clauses, out)?,
            Stmt::While(w) => {
                if !w.orelse.is_empty() {
                    return Err(self.error(w.range, "'else' on a loop is not supported"));
                }
                self.loop_stmt(s, out)?;
            }
            Stmt::For(f) => {
                if !f.orelse.is_empty() {
                    return Err(self.error(f.range, "'else' on a loop is not supported"));
                }
                if f.is_async {
                    return Err(self.error(f.range, "'async for' is not supported"));
                }
                self.loop_stmt(s, out)?;
            }
            Stmt::Break(b) => {
                if self.loops.is_empty() {
                    return Err(self.error(b.range, "'break' outside a loop"));
                }
                let f = self.flow.clone();
                self.loops.last_mut().expect("checked").breaks.push(f);
                self.flow = self.flow.unreachable();
                out.push(tir::Stmt::Break);
            }
            Stmt::Continue(c) => {
                if self.loops.is_empty() {
                    return Err(self.error(c.range(), "'continue' outside a loop"));
                }
                let f = self.flow.clone();
                self.loops.last_mut().expect("checked").back_edges.push(f);
                self.flow = self.flow.unreachable();
                out.push(tir::Stmt::Continue);
            }
            Stmt::Return(r) => {
                let ret = self.ret.clone();
                let value = match (&r.value, &ret) {
                    (None, Type::None) => None,
                    (None, t) => {
                        return Err(self.error(
                            r.range,
                            format!(
                                "'return' without a value in a function returning {}",
                                self.type_name(t)
                            ),
                        ));
                    }
                    (Some(v), Type::None) => {
                        if matches!(v.as_ref(), Expr::NoneLiteral(_)) {
                            None
                        } else {
                            let e = self.expr(v, None)?;
                            if e.ty != Type::None {
                                return Err(self.error(
                                    v.range(),
                                    format!(
                                        "this function returns None, but this is {}",
                                        self.type_name(&e.ty)
                                    ),
                                ));
                            }
                            out.push(tir::Stmt::Expr(e));
                            None
                        }
                    }
                    (Some(v), t) => Some(self.expr_as(v, t)?),
                };
                out.push(tir::Stmt::Return(value));
                self.flow = self.flow.unreachable();
            }
            Stmt::Raise(r) => {
                let s = self.raise(r)?;
                out.push(s);
                self.flow = self.flow.unreachable();
            }
            Stmt::Assert(a) => {
                let (cond, yes, _) = self.cond(&a.test)?;
                let msg = match &a.msg {
                    None => null_str(),
                    Some(m) => self.expr_as(m, &Type::Str)?,
                };
                let raise = raise_builtin(ExcKind::AssertionError, msg);
                out.push(tir::Stmt::If {
                    cond: tir::Expr::unary(UnaryOp::BoolNot, cond, Type::Bool),
                    then_body: vec![tir::Stmt::Expr(raise)],
                    else_body: Vec::new(),
                });
                self.apply(&yes);
            }
            Stmt::Global(_) => {}
            Stmt::Delete(d) => {
                for t in &d.targets {
                    self.delete(t, out)?;
                }
            }
            Stmt::FunctionDef(f) => {
                return Err(self.error(
                    f.name.range,
                    "nested functions are not supported: define it at module level",
                ));
            }
            Stmt::ClassDef(c) => {
                return Err(self.error(c.name.range, "classes must be defined at module level"));
            }
            Stmt::Try(t) => self.try_stmt(t, out)?,
            Stmt::With(w) => self.with_stmt(w, out)?,
            Stmt::Match(m) => return Err(self.error(m.range, "'match' is not supported")),
            Stmt::Import(i) => return Err(self.error(i.range, "imports must be at module level")),
            Stmt::ImportFrom(i) => {
                return Err(self.error(i.range, "imports must be at module level"));
            }
            Stmt::Nonlocal(n) => return Err(self.error(n.range, "'nonlocal' is not supported")),
            Stmt::TypeAlias(t) => return Err(self.error(t.range, "type aliases are not supported")),
            Stmt::IpyEscapeCommand(i) => return Err(self.error(i.range, "not Python syntax")),
        }
        Ok(())
    }

    pub(super) fn if_stmt(
        &mut self,
        test: &Expr,
        body: &[Stmt],
        rest: &[ast::ElifElseClause],
        out: &mut Vec<tir::Stmt>,
    ) -> R<()> {
        let (cond, yes, no) = self.cond(test)?;
        let before = self.flow.clone();
        self.apply(&yes);
        let mut then_body = Vec::new();
        self.block(body, &mut then_body);
        let after_then = std::mem::replace(&mut self.flow, before);
        self.apply(&no);
        let mut else_body = Vec::new();
        if let Some((first, more)) = rest.split_first() {
            match &first.test {
                // An `elif` is an `if` nested in the `else` branch, in this pass and
                // in every pass over the TIR after it: bound how deep that goes.
                Some(_) if self.elif_depth >= MAX_ELIF_DEPTH => {
                    let _ = self.error(
                        first.range,
                        format!(
                            "too many elif clauses: more than {MAX_ELIF_DEPTH} in one chain \
                             (use a dict of functions, or split the chain)"
                        ),
                    );
                }
                Some(t) => {
                    self.elif_depth += 1;
                    let _ = self.if_stmt(t, &first.body, more, &mut else_body);
                    self.elif_depth -= 1;
                }
                None => self.block(&first.body, &mut else_body),
            }
        }
        let after_else = self.flow.clone();
        // A path narrowed to different classes on the two branches stays
        // narrowed to their nearest common base (`if isinstance(x, Sub): ...`
        // inside `if x is not None:` leaves `x` not None), as in mypy.
        self.flow = self.join_flows(after_then, after_else);
        out.push(tir::Stmt::If {
            cond,
            then_body,
            else_body,
        });
        Ok(())
    }

    /// Two paths meeting: what both assigned, and each path narrowed alike on
    /// both, a path narrowed to different classes staying narrowed to their
    /// nearest common base, as in mypy.
    pub(super) fn join_flows(&self, a: Flow, b: Flow) -> Flow {
        let cx = &*self.cx;
        Flow::merge_joining(a, b, |a, b| match (a, b) {
            (Type::Instance(x), Type::Instance(y)) => cx.common_base(*x, *y).map(Type::Instance),
            _ => None,
        })
    }

    /// `target = value` where the value is still source.
    pub(super) fn assign(
        &mut self,
        target: &Expr,
        value: &Expr,
        out: &mut Vec<tir::Stmt>,
    ) -> R<()> {
        match target {
            Expr::Name(n) => {
                let name = n.id.as_str();
                if let Some(g) = self.global_target(name) {
                    let ty = self.cx.program.globals[g.0 as usize].ty.clone();
                    let v = self.expr_as(value, &ty)?;
                    out.push(tir::Stmt::AssignGlobal(g, v));
                    return Ok(());
                }
                let expected = self
                    .names
                    .get(name)
                    .map(|id| self.locals[id.0 as usize].ty.clone())
                    .or_else(|| self.annotations.get(name).cloned());
                // Not coerced yet: `store_local` narrows by the value's own type.
                let v = self.expr(value, expected.as_ref());
                let v = match v {
                    Ok(v) => v,
                    Err(r) => {
                        if !self.names.contains_key(name) {
                            self.poisoned.insert(name.to_string());
                        }
                        return Err(r);
                    }
                };
                self.store_local(n, v, value.range(), out)
            }
            Expr::Attribute(a) if self.module_of(&a.value).is_none() => {
                let obj = self.expr(&a.value, None)?;
                let Type::Instance(c) = obj.ty.clone() else {
                    let t = obj.ty.clone();
                    return Err(self.not_narrowed_or(
                        a.value.range(),
                        &t,
                        "has no attributes to assign",
                    ));
                };
                let expected = self.cx.find_field(c, a.attr.id.as_str()).map(|f| f.ty);
                let v = match &expected {
                    Some(t) => self.expr_as(value, t)?,
                    None => self.expr(value, None)?,
                };
                let v = self.stable_value(v, out);
                let value_ty = v.ty.clone();
                let s = self.store_attr(obj, c, &a.attr, v)?;
                out.push(s);
                // Assigning a non-None value narrows an optional field, as mypy does.
                if let (Some(Type::Optional(_)), Some(key)) = (&expected, self.narrow_key(target))
                    && !matches!(value_ty, Type::Optional(_) | Type::None)
                {
                    self.flow.narrowed.insert(key, value_ty);
                }
                Ok(())
            }
            Expr::Subscript(sub) if !matches!(sub.slice.as_ref(), Expr::Slice(_)) => {
                let obj = self.expr(&sub.value, None)?;
                let expected = match &obj.ty {
                    Type::List(e) => Some((**e).clone()),
                    Type::Dict(_, v) => Some((**v).clone()),
                    _ => None,
                };
                let v = match &expected {
                    Some(t) => self.expr_as(value, t)?,
                    None => self.expr(value, None)?,
                };
                // Python evaluates the value before the container and the key.
                let v = match v.kind {
                    ExprKind::Local(_)
                    | ExprKind::Int(_)
                    | ExprKind::Str(_)
                    | ExprKind::Bool(_)
                    | ExprKind::Float(_) => v,
                    _ => {
                        let (s, t) = self.bind_temp(v);
                        out.push(s);
                        t
                    }
                };
                let stmt = self.store_subscript(sub, obj, v)?;
                out.push(stmt);
                Ok(())
            }
            Expr::Attribute(a) => {
                // `module.NAME = value`: the value is checked against the global's
                // type, as for a bare name (`m.ITEMS = [Sub()]` for a `list[Base]`).
                if let Ok(g) = self.module_global_attr_quiet(a)
                    && !self.cx.untyped_globals.contains(&g)
                {
                    let ty = self.cx.program.globals[g.0 as usize].ty.clone();
                    let v = self.expr(value, Some(&ty))?;
                    // A mismatch is reported at the target, as before the hint.
                    let v = self.coerce(v, &ty, a.range)?;
                    out.push(tir::Stmt::AssignGlobal(g, v));
                    return Ok(());
                }
                let v = self.expr(value, None)?;
                self.assign_value(target, v, out)
            }
            _ => {
                let v = self.expr(value, None)?;
                self.assign_value(target, v, out)
            }
        }
    }

    /// `v` itself when re-evaluating it later is harmless, else a temporary holding it.
    pub(super) fn stable_value(&mut self, v: tir::Expr, out: &mut Vec<tir::Stmt>) -> tir::Expr {
        match v.kind {
            ExprKind::Local(_)
            | ExprKind::Int(_)
            | ExprKind::Str(_)
            | ExprKind::Bool(_)
            | ExprKind::Float(_)
            | ExprKind::None => v,
            _ => {
                let (s, t) = self.bind_temp(v);
                out.push(s);
                t
            }
        }
    }

    /// The global a bare name assigns to, if it is declared `global` here (or we are at module level).
    pub(super) fn global_target(&self, name: &str) -> Option<tir::GlobalId> {
        if !self.globals_declared.contains(name) {
            return None;
        }
        match self.cx.module(self.module).scope.get(name) {
            Some(Binding::Global(g)) => Some(*g),
            _ => None,
        }
    }

    /// Stores an already-checked value into a local name, declaring it on first assignment.
    /// `at` is where a type mismatch is reported (the value when there is one in the source).
    pub(super) fn store_local(
        &mut self,
        n: &ast::ExprName,
        v: tir::Expr,
        at: TextRange,
        out: &mut Vec<tir::Stmt>,
    ) -> R<()> {
        let name = n.id.as_str();
        let id = match self.names.get(name) {
            Some(&id) => id,
            None => {
                let ty = match self.annotations.get(name) {
                    Some(t) => t.clone(),
                    None => {
                        if v.ty == Type::None {
                            self.poisoned.insert(name.to_string());
                            return Err(self.error(
                                n.range,
                                format!(
                                    "cannot infer the type of '{name}' from None: annotate it ('{name}: T | None = None')"
                                ),
                            ));
                        }
                        v.ty.clone()
                    }
                };
                self.declare(name, ty)
            }
        };
        let ty = self.locals[id.0 as usize].ty.clone();
        let value_ty = v.ty.clone();
        let v = match self.coerce(v, &ty, at) {
            Ok(v) => v,
            Err(r) => {
                // Reported; treat the local as assigned so its uses don't pile on errors.
                self.flow.mark_assigned(id);
                return Err(r);
            }
        };
        // Assigning a non-None value narrows an optional local, as mypy does.
        match (&ty, &value_ty) {
            (Type::Optional(_), t) if !matches!(t, Type::Optional(_) | Type::None) => {
                let t = t.clone();
                out.push(tir::Stmt::AssignLocal(id, v));
                self.flow.forget_local(id);
                self.flow.narrowed.insert(NarrowKey::local(id), t);
            }
            _ => {
                out.push(tir::Stmt::AssignLocal(id, v));
                self.flow.forget_local(id);
            }
        }
        self.flow.mark_assigned(id);
        Ok(())
    }

    /// `target = value` where the value is already checked (unpacking, loops).
    pub(super) fn assign_value(
        &mut self,
        target: &Expr,
        v: tir::Expr,
        out: &mut Vec<tir::Stmt>,
    ) -> R<()> {
        match target {
            Expr::Name(n) => {
                if let Some(g) = self.global_target(n.id.as_str()) {
                    let ty = self.cx.program.globals[g.0 as usize].ty.clone();
                    let v = self.coerce(v, &ty, n.range)?;
                    out.push(tir::Stmt::AssignGlobal(g, v));
                    return Ok(());
                }
                self.store_local(n, v, n.range, out)
            }
            Expr::Tuple(ast::ExprTuple { elts, .. }) | Expr::List(ast::ExprList { elts, .. }) => {
                if matches!(v.ty, Type::VarTuple(_)) {
                    return Err(self.error(
                        target.range(),
                        format!(
                            "cannot unpack a {}: its length is known only at run time (index it: t[0], t[1])",
                            self.type_name(&v.ty)
                        ),
                    ));
                }
                let Type::Tuple(ts) = v.ty.clone() else {
                    return Err(self.error(
                        target.range(),
                        format!(
                            "can only unpack a tuple here, not {}",
                            self.type_name(&v.ty)
                        ),
                    ));
                };
                if ts.len() != elts.len() {
                    return Err(self.error(
                        target.range(),
                        format!(
                            "cannot unpack a tuple of {} elements into {} targets",
                            ts.len(),
                            elts.len()
                        ),
                    ));
                }
                let (s, t) = self.bind_temp(v);
                out.push(s);
                for (i, (elt, ty)) in elts.iter().zip(ts).enumerate() {
                    let item =
                        tir::Expr::field(t.clone(), crate::layout::TUPLE_ITEMS + 8 * i as i32, ty);
                    self.assign_value(elt, item, out)?;
                }
                Ok(())
            }
            Expr::Subscript(sub) => {
                let obj = self.expr(&sub.value, None)?;
                let stmt = self.store_subscript(sub, obj, v)?;
                out.push(stmt);
                Ok(())
            }
            Expr::Attribute(a) => {
                if self.module_of(&a.value).is_none() {
                    // Python evaluates the value before the object.
                    let v = self.stable_value(v, out);
                    let obj = self.expr(&a.value, None)?;
                    return match obj.ty.clone() {
                        Type::Instance(c) => {
                            let s = self.store_attr(obj, c, &a.attr, v)?;
                            out.push(s);
                            Ok(())
                        }
                        other => Err(self.not_narrowed_or(
                            a.value.range(),
                            &other,
                            "has no attributes to assign",
                        )),
                    };
                }
                let g = self.module_global_attr(a)?;
                let ty = self.cx.program.globals[g.0 as usize].ty.clone();
                let v = self.coerce(v, &ty, a.range)?;
                out.push(tir::Stmt::AssignGlobal(g, v));
                Ok(())
            }
            Expr::Starred(s) => Err(self.error(s.range, "starred assignment is not supported")),
            other => Err(self.error(other.range(), "cannot assign to this expression")),
        }
    }

    /// `obj[index] = v`.
    pub(super) fn store_subscript(
        &mut self,
        sub: &ast::ExprSubscript,
        obj: tir::Expr,
        v: tir::Expr,
    ) -> R<tir::Stmt> {
        if matches!(sub.slice.as_ref(), Expr::Slice(_)) {
            return Err(self.error(sub.range, "slice assignment is not supported"));
        }
        match obj.ty.clone() {
            Type::List(elem) => {
                let idx = self.expr_as(&sub.slice, &Type::Int)?;
                let v = self.coerce(v, &elem, sub.range)?;
                Ok(tir::Stmt::Expr(tir::Expr::rt(
                    Rt::ListSetItem,
                    vec![obj, idx, v],
                    Type::None,
                )))
            }
            Type::Dict(k, val) => {
                let key = self.expr_as(&sub.slice, &k)?;
                let v = self.coerce(v, &val, sub.range)?;
                Ok(tir::Stmt::Expr(tir::Expr::rt(
                    Rt::DictSetItem,
                    vec![obj, key, v],
                    Type::None,
                )))
            }
            Type::Str => {
                Err(self.error(sub.range, "'str' object does not support item assignment"))
            }
            Type::Tuple(_) => {
                Err(self.error(sub.range, "'tuple' object does not support item assignment"))
            }
            other => Err(self.not_narrowed_or(
                sub.value.range(),
                &other,
                "does not support item assignment",
            )),
        }
    }

    /// The new value of an augmented assignment's target. `xs += ys` on a list
    /// extends it in place (the target keeps the same object), as in Python.
    pub(super) fn aug_value(&mut self, a: &ast::StmtAugAssign, cur: tir::Expr) -> R<tir::Expr> {
        if a.op == Operator::Add && matches!(cur.ty, Type::List(_)) {
            let ty = cur.ty.clone();
            let rhs = self.expr_as(&a.value, &ty)?;
            let (s, t) = self.bind_temp(cur);
            let extend = tir::Expr::rt(Rt::ListExtend, vec![t.clone(), rhs], Type::None);
            return Ok(tir::Expr::new(
                ExprKind::Block(vec![s, tir::Stmt::Expr(extend)], Box::new(t)),
                ty,
            ));
        }
        if matches!(cur.ty, Type::Set(_)) {
            return self.set_aug(a.op, cur, &a.value, a.range);
        }
        let rhs = self.expr(&a.value, None)?;
        self.binary(a.op, cur, rhs, a.range)
    }

    pub(super) fn aug_assign(&mut self, a: &ast::StmtAugAssign, out: &mut Vec<tir::Stmt>) -> R<()> {
        match a.target.as_ref() {
            Expr::Name(n) => {
                let cur = self.name(n)?;
                let v = self.aug_value(a, cur)?;
                self.assign_value(&a.target, v, out)
            }
            Expr::Subscript(sub) => {
                if matches!(sub.slice.as_ref(), Expr::Slice(_)) {
                    return Err(self.error(sub.range, "slice assignment is not supported"));
                }
                let obj = self.expr(&sub.value, None)?;
                let (s1, o) = self.bind_temp(obj);
                let key_ty = match &o.ty {
                    Type::List(_) => Type::Int,
                    Type::Dict(k, _) => (**k).clone(),
                    other => {
                        let other = other.clone();
                        return Err(self.not_narrowed_or(
                            sub.value.range(),
                            &other,
                            "does not support item assignment",
                        ));
                    }
                };
                let key = self.expr_as(&sub.slice, &key_ty)?;
                let (s2, k) = self.bind_temp(key);
                let cur = self.index_value(o.clone(), k.clone(), sub.range)?;
                let v = self.aug_value(a, cur)?;
                let store = match o.ty.clone() {
                    Type::List(elem) => {
                        let v = self.coerce(v, &elem, a.range)?;
                        tir::Expr::rt(Rt::ListSetItem, vec![o, k, v], Type::None)
                    }
                    Type::Dict(_, val) => {
                        let v = self.coerce(v, &val, a.range)?;
                        tir::Expr::rt(Rt::DictSetItem, vec![o, k, v], Type::None)
                    }
                    _ => unreachable!("checked above"),
                };
                out.extend([s1, s2, tir::Stmt::Expr(store)]);
                Ok(())
            }
            Expr::Attribute(attr) if self.module_of(&attr.value).is_none() => {
                let obj = self.expr(&attr.value, None)?;
                let Type::Instance(c) = obj.ty.clone() else {
                    let t = obj.ty.clone();
                    return Err(self.not_narrowed_or(
                        attr.value.range(),
                        &t,
                        "has no attributes to assign",
                    ));
                };
                let (s, o) = self.bind_temp(obj);
                out.push(s);
                let cur = self.instance_attr(o.clone(), c, &attr.attr)?;
                let v = self.aug_value(a, cur)?;
                let st = self.store_attr(o, c, &attr.attr, v)?;
                out.push(st);
                Ok(())
            }
            Expr::Attribute(attr) => {
                let g = self.module_global_attr(attr)?;
                let ty = self.cx.program.globals[g.0 as usize].ty.clone();
                let cur = tir::Expr::new(ExprKind::Global(g), ty.clone());
                let v = self.aug_value(a, cur)?;
                let v = self.coerce(v, &ty, a.range)?;
                out.push(tir::Stmt::AssignGlobal(g, v));
                Ok(())
            }
            other => Err(self.error(other.range(), "cannot assign to this expression")),
        }
    }

    pub(super) fn delete(&mut self, t: &Expr, out: &mut Vec<tir::Stmt>) -> R<()> {
        let Expr::Subscript(sub) = t else {
            return Err(self.error(t.range(), "only 'del d[k]' and 'del xs[i]' are supported"));
        };
        if matches!(sub.slice.as_ref(), Expr::Slice(_)) {
            return Err(self.error(sub.range, "deleting a slice is not supported"));
        }
        let obj = self.expr(&sub.value, None)?;
        match obj.ty.clone() {
            Type::Dict(k, _) => {
                let key = self.expr_as(&sub.slice, &k)?;
                out.push(tir::Stmt::Expr(tir::Expr::rt(
                    Rt::DictDelItem,
                    vec![obj, key],
                    Type::None,
                )));
            }
            Type::List(_) => {
                let i = self.expr_as(&sub.slice, &Type::Int)?;
                out.push(tir::Stmt::Expr(tir::Expr::rt(
                    Rt::ListDelItem,
                    vec![obj, i],
                    Type::None,
                )));
            }
            other => {
                return Err(self.not_narrowed_or(
                    sub.value.range(),
                    &other,
                    "does not support item deletion",
                ));
            }
        }
        Ok(())
    }
}
