//! Inlining of trivial initialisers: a call of an `__init__` (or any function)
//! whose body only stores its parameters and constants into the fields of its
//! first parameter becomes those stores, in the caller.
//!
//! `C(a, b)` is lowered by the front end as "allocate, then call the nearest
//! `__init__`"; for the classes interpreters are made of (nodes, pairs, cells),
//! that `__init__` is a few field stores, and the call, with its prologue and
//! epilogue, costs more than the stores. The call `f(e0, e1, ...)` becomes
//!
//! ```text
//!   t0 = e0; t1 = e1; ...            (fresh locals of the caller, in order)
//!   store t0.field_k <- t_i | const  (f's body, its parameters renamed)
//! ```
//!
//! which evaluates the arguments in the same order, exactly once, and performs
//! the same stores in the same order. Such a body cannot raise (a field store
//! of a local or a constant does not), so nothing about exceptions changes;
//! the write barrier is emitted for each store by the backend as before.
//! Functions an extension imports are never inlined: their bodies live in
//! another translation, which may change without this one.

use std::collections::HashMap;

use crate::tir::{Expr, ExprKind, FuncId, Function, Local, LocalId, Program, Stmt};

/// Inlines every call, as a statement, of a trivial initialiser (see the
/// module documentation) in every function of `program`.
pub fn inline_trivial_initialisers(program: &mut Program) {
    let imported = program.imported_mask();
    let trivial: HashMap<FuncId, Function> = program
        .functions
        .iter()
        .enumerate()
        .filter(|&(i, f)| !imported[i] && is_trivial(f))
        .map(|(i, f)| (FuncId(i as u32), f.clone()))
        .collect();
    if trivial.is_empty() {
        return;
    }
    for f in &mut program.functions {
        let mut body = std::mem::take(&mut f.body);
        let mut cx = Inliner {
            trivial: &trivial,
            locals: &mut f.locals,
        };
        cx.stmts(&mut body);
        f.body = body;
    }
}

/// Whether `f`'s body is only field stores into its first parameter of its
/// parameters or of constants, then perhaps `return` (of nothing).
fn is_trivial(f: &Function) -> bool {
    let Some(&this) = f.params.first() else {
        return false;
    };
    let param = |e: &Expr| matches!(e.kind, ExprKind::Local(l) if f.params.contains(&l));
    let stores = match f.body.split_last() {
        Some((Stmt::Return(None), stores)) => stores,
        _ => &f.body[..],
    };
    !stores.is_empty()
        && stores.iter().all(|s| match s {
            Stmt::StoreField { base, value, .. } => {
                matches!(base.kind, ExprKind::Local(l) if l == this)
                    && (param(value)
                        || matches!(
                            value.kind,
                            ExprKind::Int(_)
                                | ExprKind::Float(_)
                                | ExprKind::Bool(_)
                                | ExprKind::None
                                | ExprKind::Str(_)
                        ))
            }
            _ => false,
        })
}

struct Inliner<'a> {
    trivial: &'a HashMap<FuncId, Function>,
    locals: &'a mut Vec<Local>,
}

impl Inliner<'_> {
    fn stmts(&mut self, body: &mut Vec<Stmt>) {
        let mut out = Vec::with_capacity(body.len());
        for mut s in body.drain(..) {
            if let Stmt::Expr(Expr {
                kind: ExprKind::Call(f, args),
                ..
            }) = &mut s
                && let Some(callee) = self.trivial.get(f)
                && args.len() == callee.params.len()
            {
                let args = std::mem::take(args);
                self.inline(callee, args, &mut out);
                continue;
            }
            self.stmt(&mut s);
            out.push(s);
        }
        *body = out;
    }

    /// The statements replacing the call `callee(args)`, appended to `out`.
    fn inline(&mut self, callee: &Function, mut args: Vec<Expr>, out: &mut Vec<Stmt>) {
        let mut renamed = HashMap::new();
        for (&p, arg) in callee.params.iter().zip(args.iter_mut()) {
            self.exprs(std::slice::from_mut(arg));
            let local = LocalId(self.locals.len() as u32);
            let decl = &callee.locals[p.0 as usize];
            self.locals.push(Local {
                name: format!("{}.{}", callee.name, decl.name),
                ty: decl.ty.clone(),
            });
            renamed.insert(p, local);
        }
        for (&p, arg) in callee.params.iter().zip(args) {
            out.push(Stmt::AssignLocal(renamed[&p], arg));
        }
        for s in &callee.body {
            if let Stmt::StoreField {
                base,
                offset,
                value,
            } = s
            {
                out.push(Stmt::StoreField {
                    base: rename(base, &renamed),
                    offset: *offset,
                    value: rename(value, &renamed),
                });
            }
        }
    }

    fn stmt(&mut self, s: &mut Stmt) {
        match s {
            Stmt::Expr(e) | Stmt::AssignLocal(_, e) | Stmt::AssignGlobal(_, e) | Stmt::Raise(e) => {
                self.expr(e)
            }
            Stmt::Return(e) => {
                if let Some(e) = e {
                    self.expr(e);
                }
            }
            Stmt::StoreField { base, value, .. } => {
                self.expr(base);
                self.expr(value);
            }
            Stmt::If {
                cond,
                then_body,
                else_body,
            } => {
                self.expr(cond);
                self.stmts(then_body);
                self.stmts(else_body);
            }
            Stmt::While { cond, body } => {
                self.expr(cond);
                self.stmts(body);
            }
            Stmt::Try {
                body,
                handlers,
                else_body,
                finally_body,
            } => {
                self.stmts(body);
                for h in handlers {
                    self.stmts(&mut h.body);
                }
                self.stmts(else_body);
                self.stmts(finally_body);
            }
            Stmt::Break | Stmt::Continue => {}
        }
    }

    fn exprs(&mut self, es: &mut [Expr]) {
        for e in es {
            self.expr(e);
        }
    }

    fn expr(&mut self, e: &mut Expr) {
        match &mut e.kind {
            ExprKind::Int(_)
            | ExprKind::Float(_)
            | ExprKind::Bool(_)
            | ExprKind::None
            | ExprKind::Str(_)
            | ExprKind::Local(_)
            | ExprKind::Global(_)
            | ExprKind::TypeCode(_)
            | ExprKind::FuncAddr(_)
            | ExprKind::New(_) => {}
            ExprKind::Unary(_, a) => self.expr(a),
            ExprKind::LoadField { base, .. } => self.expr(base),
            ExprKind::IsInstance { value, .. } => self.expr(value),
            ExprKind::Binary(_, a, b)
            | ExprKind::And(a, b)
            | ExprKind::Or(a, b)
            | ExprKind::ListItem { list: a, index: b } => {
                self.expr(a);
                self.expr(b);
            }
            ExprKind::IfElse {
                cond,
                then,
                otherwise,
            } => {
                self.expr(cond);
                self.expr(then);
                self.expr(otherwise);
            }
            ExprKind::Call(_, args)
            | ExprKind::RtCall(_, args)
            | ExprKind::CCall { args, .. }
            | ExprKind::Tuple(args)
            | ExprKind::VirtualCall { args, .. } => self.exprs(args),
            ExprKind::CallIndirect { callee, args } => {
                self.expr(callee);
                self.exprs(args);
            }
            ExprKind::Block(stmts, e) => {
                self.stmts(stmts);
                self.expr(e);
            }
        }
    }
}

/// `e` (a parameter or a constant of a trivial body) with its parameter renamed.
fn rename(e: &Expr, renamed: &HashMap<LocalId, LocalId>) -> Expr {
    match e.kind {
        ExprKind::Local(l) => Expr::new(ExprKind::Local(renamed[&l]), e.ty.clone()),
        _ => e.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tir::{ClassId, Type};

    fn local(name: &str, ty: Type) -> Local {
        Local {
            name: name.into(),
            ty,
        }
    }

    fn l(i: u32, ty: Type) -> Expr {
        Expr::new(ExprKind::Local(LocalId(i)), ty)
    }

    fn store(offset: i32, value: Expr) -> Stmt {
        Stmt::StoreField {
            base: l(0, Type::Instance(ClassId(0))),
            offset,
            value,
        }
    }

    fn function(name: &str, locals: Vec<Local>, params: usize, body: Vec<Stmt>) -> Function {
        Function {
            name: name.into(),
            symbol: name.into(),
            params: (0..params as u32).map(LocalId).collect(),
            ret: Type::None,
            locals,
            body,
            can_raise: false,
        }
    }

    #[test]
    fn only_stores_of_parameters_and_constants_into_the_first_are_trivial() {
        let obj = || local("self", Type::Instance(ClassId(0)));
        let trivial = function(
            "init",
            vec![obj(), local("x", Type::Int)],
            2,
            vec![
                store(8, l(1, Type::Int)),
                store(16, Expr::int(3)),
                Stmt::Return(None),
            ],
        );
        assert!(is_trivial(&trivial));
        // A store of something computed, a store into another object, a call,
        // an empty body: not trivial.
        let computed = Expr::new(
            ExprKind::Binary(
                crate::tir::BinaryOp::IntAddChecked,
                Box::new(l(1, Type::Int)),
                Box::new(Expr::int(1)),
            ),
            Type::Int,
        );
        let other = Stmt::StoreField {
            base: l(1, Type::Instance(ClassId(0))),
            offset: 8,
            value: Expr::int(1),
        };
        let call = Stmt::Expr(Expr::new(ExprKind::Call(FuncId(0), Vec::new()), Type::None));
        for body in [
            vec![store(8, computed)],
            vec![other],
            vec![store(8, Expr::int(1)), call],
            vec![],
        ] {
            let f = function(
                "f",
                vec![obj(), local("x", Type::Instance(ClassId(0)))],
                2,
                body,
            );
            assert!(!is_trivial(&f));
        }
    }

    #[test]
    fn a_call_becomes_its_arguments_in_order_then_the_stores() {
        let obj_ty = Type::Instance(ClassId(0));
        let init = function(
            "init",
            vec![local("self", obj_ty.clone()), local("x", Type::Int)],
            2,
            vec![store(8, l(1, Type::Int))],
        );
        let arg = |v| Expr::rt(crate::rt::Rt::StrFromInt, vec![Expr::int(v)], Type::Int);
        let caller = function(
            "caller",
            vec![local("o", obj_ty.clone())],
            1,
            vec![Stmt::Expr(Expr::new(
                ExprKind::Call(FuncId(0), vec![l(0, obj_ty.clone()), arg(7)]),
                Type::None,
            ))],
        );
        let mut p = Program {
            functions: vec![init, caller],
            ..Program::default()
        };
        inline_trivial_initialisers(&mut p);
        let caller = &p.functions[1];
        assert_eq!(caller.locals.len(), 3);
        match &caller.body[..] {
            [
                Stmt::AssignLocal(a, first),
                Stmt::AssignLocal(b, second),
                Stmt::StoreField {
                    base,
                    offset: 8,
                    value,
                },
            ] => {
                assert_eq!((*a, *b), (LocalId(1), LocalId(2)));
                assert!(matches!(first.kind, ExprKind::Local(LocalId(0))));
                assert!(matches!(second.kind, ExprKind::RtCall(..)));
                assert!(matches!(base.kind, ExprKind::Local(LocalId(1))));
                assert!(matches!(value.kind, ExprKind::Local(LocalId(2))));
            }
            other => panic!("{other:?}"),
        }
    }
}
