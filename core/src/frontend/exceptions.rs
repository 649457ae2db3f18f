//! Checking `raise` and `try`/`except`/`else`/`finally`: which exception
//! classes a handler names, the exception locals of bare `raise`, and the
//! flow through handlers.

use ruff_python_ast::{self as ast, Expr};
use ruff_text_size::{Ranged, TextRange};

use super::checker::{Checker, R};
use super::flow::Flow;
use super::scan::scan_block;
use crate::rt::{ExcKind, Rt};
use crate::tir::{self, ClassId, ExprKind, LocalId, Type};

impl<'c, 'a> Checker<'c, 'a> {
    pub(super) fn raise(&mut self, r: &ast::StmtRaise) -> R<tir::Stmt> {
        let Some(cause) = &r.cause else {
            return self.raise_value(r);
        };
        // `raise X from Y`: X, then Y, are evaluated, then X is raised. The cause is only
        // shown by CPython's full traceback (its last line is X's), so it is not kept.
        let raise = self.raise_value(r)?;
        let tir::Stmt::Raise(value) = raise else {
            return Ok(raise);
        };
        let cause = self.expr(cause, None)?;
        match &cause.ty {
            Type::Instance(c) if self.cx.program.classes[c.0 as usize].is_exception => {}
            Type::None => {}
            other => {
                let t = self.type_name(other);
                return Err(self.error(
                    r.cause.as_ref().expect("checked").range(),
                    format!("exception causes must be exception instances or None, not {t}"),
                ));
            }
        }
        let ty = value.ty.clone();
        let (s, t) = self.bind_temp(value);
        Ok(tir::Stmt::Raise(tir::Expr::new(
            ExprKind::Block(vec![s, tir::Stmt::Expr(cause)], Box::new(t)),
            ty,
        )))
    }

    pub(super) fn raise_value(&mut self, r: &ast::StmtRaise) -> R<tir::Stmt> {
        let Some(exc) = &r.exc else {
            return match self.handlers.last() {
                Some(&bind) => {
                    let ty = self.locals[bind.0 as usize].ty.clone();
                    Ok(tir::Stmt::Raise(tir::Expr::local(bind, ty)))
                }
                None => Err(self.error(
                    r.range,
                    "bare 'raise' outside an 'except' clause: there is no exception to re-raise",
                )),
            };
        };
        // `raise C` constructs `C()`.
        let value = match exc.as_ref() {
            Expr::Name(_) | Expr::Attribute(_)
                if self.cx.class_named(self.module, exc).is_some() && !self.is_local(exc) =>
            {
                let c = self.cx.class_named(self.module, exc).expect("checked");
                let call = ast::ExprCall {
                    node_index: Default::default(),
                    range_start: exc.range().start(),
                    func: exc.clone(),
                    arguments: ast::Arguments {
                        range: TextRange::empty(exc.range().end()),
                        node_index: Default::default(),
                        args: Box::new([]),
                        keywords: Default::default(),
                    },
                };
                self.construct(c, &call)?
            }
            other => self.expr(other, None)?,
        };
        match &value.ty {
            Type::Instance(c) if self.cx.program.classes[c.0 as usize].is_exception => {
                Ok(tir::Stmt::Raise(value))
            }
            other => {
                let t = self.type_name(other);
                Err(self.error(
                    exc.range(),
                    format!("can only raise an exception instance, not {t}"),
                ))
            }
        }
    }

    pub(super) fn is_local(&self, e: &Expr) -> bool {
        matches!(e, Expr::Name(n) if self.local_names.contains(n.id.as_str()))
    }

    pub(super) fn try_stmt(&mut self, t: &ast::StmtTry, out: &mut Vec<tir::Stmt>) -> R<()> {
        if t.is_star {
            return Err(self.error(t.range, "'except*' is not supported"));
        }
        let pre = self.flow.clone();
        // What handlers and `finally` may assume: nothing the body assigns or narrows.
        let mut body_assigned = Vec::new();
        scan_block(
            &t.body,
            &mut body_assigned,
            &mut Vec::new(),
            &mut Vec::new(),
        );
        let mut at_handler = pre.clone();
        for name in &body_assigned {
            if let Some(&id) = self.names.get(name) {
                at_handler.forget_local(id);
            }
        }
        let mut body = Vec::new();
        self.block(&t.body, &mut body);
        let mut else_body = Vec::new();
        self.block(&t.orelse, &mut else_body);
        let mut merged = self.flow.clone();
        let mut handlers = Vec::new();
        for h in &t.handlers {
            let ast::ExceptHandler::ExceptHandler(h) = h;
            self.flow = at_handler.clone();
            let classes: Vec<ClassId> = match &h.type_ {
                // A bare `except:` catches SystemExit too, as in CPython.
                None => vec![
                    ClassId(crate::rt::ExcKind::Exception as u32),
                    ClassId(crate::rt::ExcKind::SystemExit as u32),
                ],
                Some(ty) => {
                    let targets: Vec<&Expr> = match ty.as_ref() {
                        Expr::Tuple(tu) => tu.elts.iter().collect(),
                        other => vec![other],
                    };
                    let mut cs = Vec::new();
                    for e in targets {
                        match self.cx.class_named(self.module, e) {
                            Some(c) if self.cx.program.classes[c.0 as usize].is_exception => {
                                cs.push(c)
                            }
                            _ => {
                                return Err(self.error(
                                    e.range(),
                                    "'except' needs an exception class (or a tuple of them)",
                                ));
                            }
                        }
                    }
                    cs
                }
            };
            let mut common = classes[0];
            for &c in &classes[1..] {
                common = self
                    .cx
                    .common_base(common, c)
                    .unwrap_or(ClassId(crate::rt::ExcKind::Exception as u32));
            }
            let ty = Type::Instance(common);
            // CPython's io.UnsupportedOperation is a ValueError as well as an OSError; single
            // inheritance makes it an OSError, so `except ValueError` names it too (the builtin
            // exception classes share one layout, so the clause's variable keeps its type).
            let value_error = ClassId(crate::rt::ExcKind::ValueError as u32);
            let mut classes = classes;
            if classes.contains(&value_error) {
                classes.push(ClassId(crate::rt::ExcKind::UnsupportedOperation as u32));
            }
            // The clause's name is its own local, visible in the clause only (Python deletes it after).
            let bind = self.temp(ty.clone());
            let saved = h
                .name
                .as_ref()
                .map(|n| (n.id.to_string(), self.names.get(n.id.as_str()).copied()));
            if let Some(n) = &h.name {
                self.locals[bind.0 as usize].name = n.id.to_string();
                self.names.insert(n.id.to_string(), bind);
                self.local_names.insert(n.id.to_string());
                self.flow.mark_assigned(bind);
            }
            self.handlers.push(bind);
            let mut hbody = Vec::new();
            self.block(&h.body, &mut hbody);
            self.handlers.pop();
            if let Some((name, prev)) = saved {
                match prev {
                    Some(p) => {
                        self.names.insert(name, p);
                    }
                    None => {
                        self.names.remove(&name);
                    }
                }
            }
            merged = Flow::merge(merged, self.flow.clone());
            handlers.push(tir::Handler {
                classes,
                bind,
                body: hbody,
            });
        }
        let mut finally_body = Vec::new();
        if !t.finalbody.is_empty() {
            self.flow = Flow::merge(merged.clone(), at_handler.clone());
            self.flow.reachable = true;
            self.block(&t.finalbody, &mut finally_body);
            let fin = self.flow.clone();
            let mut after = merged;
            after.reachable = after.reachable && fin.reachable;
            for (i, a) in fin.assigned.iter().enumerate() {
                if *a {
                    after.mark_assigned(LocalId(i as u32));
                }
            }
            let mut fin_assigned = Vec::new();
            scan_block(
                &t.finalbody,
                &mut fin_assigned,
                &mut Vec::new(),
                &mut Vec::new(),
            );
            for name in fin_assigned {
                if let Some(&id) = self.names.get(&name) {
                    after.forget_local(id);
                }
            }
            self.flow = after;
        } else {
            self.flow = merged;
        }
        out.push(tir::Stmt::Try {
            body,
            handlers,
            else_body,
            finally_body,
        });
        Ok(())
    }

    /// A raise of a builtin exception with a literal message.
    pub(super) fn raise_msg(&mut self, kind: ExcKind, msg: &str) -> tir::Expr {
        let id = self.cx.intern(msg);
        raise_builtin(kind, tir::Expr::new(ExprKind::Str(id), Type::Str))
    }
}

pub(super) fn raise_builtin(kind: ExcKind, msg: tir::Expr) -> tir::Expr {
    tir::Expr::rt(
        Rt::RaiseBuiltin,
        vec![tir::Expr::int(kind as i64), msg],
        Type::None,
    )
}
