//! Function values: `Callable[[A, B], R]`.
//!
//! ```text
//!   f            ──▶ seam_callable_new(&thunk_f, null)     thunk_f(env, a, b)  = f(a, b, <defaults>)
//!   obj.m        ──▶ seam_callable_new(&thunk_C_m, obj)    thunk_C_m(env, a)   = env.receiver.m(a)  (virtual)
//!   v(x, y)      ──▶ CallIndirect: v.code(v, x, y)
//! ```
//!
//! A function value is a GC object `{desc, code, receiver}` (see
//! [`crate::layout::CALLABLE_CODE`]). Every value of a `Callable` type is called
//! the same way, one indirect call with the value itself first, so the front end
//! generates a small *thunk* per function (and per arity, when defaults fill the
//! rest) and per bound method: an ordinary TIR function that adapts that
//! convention to the target's. A bound method's thunk dispatches through the
//! receiver's vtable at call time, as CPython looks the method up on the
//! receiver's class. Thunks are private to the program that needs them: an
//! extension builds its own for the core's functions, so nothing about them is
//! in the exports file beyond the `Callable` type itself.
//!
//! Printing, `str`, `repr`, `==`, `is`, ordering, hashing and `in` on function
//! values are refused: CPython's answers depend on addresses (`<function f at
//! 0x…>`) or on object identities this representation does not reproduce
//! (`f is f` is true in CPython, and every evaluation of `f` here allocates).

use ruff_python_ast::{self as ast, Expr};
use ruff_text_size::{Ranged, TextRange};
use seam_abi::symbols::{ItemKind, mangle};

use super::checker::{Checker, R, Reported};
use super::defs::{Binding, ThunkKey};
use crate::layout;
use crate::rt::Rt;
use crate::tir::{self, ClassId, ExprKind, FuncId, LocalId, Type};

/// The message for every generic operation refused on function values.
const NO_GENERIC_OPS: &str = "a Callable value cannot be printed, converted to str, compared, \
     hashed or searched for (CPython's results depend on addresses and identities): \
     keep a name next to it if you need one";

impl Checker<'_, '_> {
    /// The module-level function a name (`f`) or a module attribute (`m.f`) denotes, if any.
    pub(super) fn function_named(&self, e: &Expr) -> Option<FuncId> {
        match e {
            Expr::Name(n) => {
                let name = n.id.as_str();
                if self.local_names.contains(name) || self.poisoned.contains(name) {
                    return None;
                }
                match self.cx.module(self.module).scope.get(name) {
                    Some(Binding::Function(f)) => Some(*f),
                    _ => None,
                }
            }
            Expr::Attribute(a) => {
                let m = self.module_of(&a.value)?;
                match self.cx.module(m).scope.get(a.attr.id.as_str()) {
                    Some(Binding::Function(f)) => Some(*f),
                    _ => None,
                }
            }
            _ => None,
        }
    }

    /// How many of a signature's parameters (`params`, `self` excluded) a value's callers
    /// pass: what `expected` asks for when defaults cover the rest, else all of them.
    fn arity_for(params: &[super::defs::Param], expected: Option<&Type>) -> usize {
        let required = params.iter().take_while(|p| p.default.is_none()).count();
        match expected {
            Some(Type::Callable(ps, _)) if ps.len() >= required && ps.len() <= params.len() => {
                ps.len()
            }
            // An optional Callable: look inside.
            Some(Type::Optional(inner)) => Self::arity_for(params, Some(inner)),
            _ => params.len(),
        }
    }

    /// Module-level function `f` as a value (`handlers["add"] = add`).
    pub(super) fn function_value(
        &mut self,
        f: FuncId,
        range: TextRange,
        expected: Option<&Type>,
    ) -> R<tir::Expr> {
        let Some(sig) = self.cx.func_sigs[f.0 as usize]
            .clone()
            .filter(|s| s.bad_params.is_empty())
        else {
            return Err(Reported);
        };
        if sig.method.is_some() {
            return Err(self.error(range, "a method is not a value here: bind it, 'obj.m'"));
        }
        let arity = Self::arity_for(&sig.params, expected);
        let params: Vec<Type> = sig.params[..arity].iter().map(|p| p.ty.clone()).collect();
        let ty = Type::Callable(params.clone(), Box::new(sig.ret.clone()));
        let key = ThunkKey::Function(f, arity);
        let thunk = match self.cx.thunks.get(&key) {
            Some(&t) => t,
            None => {
                let mut args: Vec<tir::Expr> = Vec::new();
                let mut locals = vec![tir::Local {
                    // The value itself, unused: a plain word, so the thunk needs no frame.
                    name: "$env".into(),
                    ty: Type::Int,
                }];
                for (i, p) in params.iter().enumerate() {
                    locals.push(tir::Local {
                        name: sig.params[i].name.clone(),
                        ty: p.clone(),
                    });
                    args.push(tir::Expr::local(LocalId(i as u32 + 1), p.clone()));
                }
                for p in &sig.params[arity..] {
                    args.push(
                        p.default
                            .clone()
                            .expect("arity_for: omitted parameters have defaults"),
                    );
                }
                let call = tir::Expr::new(ExprKind::Call(f, args), sig.ret.clone());
                let target = self.cx.program.functions[f.0 as usize].name.clone();
                let (tmod, tname) = target.rsplit_once('.').unwrap_or(("", &target));
                let symbol = format!(
                    "{}_{}",
                    self.thunk_symbol(ItemKind::FunctionThunk, &[tmod, tname]),
                    arity
                );
                self.add_thunk(key, target.clone(), symbol, locals, call)
            }
        };
        let _ = range;
        Ok(new_value(thunk, tir::Expr::int(0), ty))
    }

    /// Whether `obj.name` on an instance of `c` is a method used as a value.
    pub(super) fn is_method_value(&self, c: ClassId, name: &str) -> bool {
        !self.cx.is_bad_member(c, name)
            && self.cx.find_field(c, name).is_none()
            && self.cx.find_method(c, &format!("${name}")).is_none()
            && self.cx.find_method(c, name).is_some()
    }

    /// `obj.m` as a value: a bound method, looked up on the receiver's class at call time.
    pub(super) fn bound_method_value(
        &mut self,
        obj: tir::Expr,
        c: ClassId,
        attr: &ast::Identifier,
        expected: Option<&Type>,
    ) -> R<tir::Expr> {
        let name = attr.id.as_str();
        let Some((slot, entry)) = self.cx.find_method(c, name) else {
            return Err(Reported);
        };
        let Some(sig) = self.cx.func_sigs[entry.func.0 as usize]
            .clone()
            .filter(|s| s.bad_params.is_empty())
        else {
            return Err(Reported);
        };
        let own = &sig.params[1.min(sig.params.len())..];
        let arity = Self::arity_for(own, expected);
        let params: Vec<Type> = own[..arity].iter().map(|p| p.ty.clone()).collect();
        let ty = Type::Callable(params.clone(), Box::new(sig.ret.clone()));
        let key = ThunkKey::Method(c, name.to_string(), arity);
        let thunk = match self.cx.thunks.get(&key) {
            Some(&t) => t,
            None => {
                let value_ty = ty.clone();
                let mut locals = vec![tir::Local {
                    name: "$env".into(),
                    ty: value_ty.clone(),
                }];
                for (i, p) in params.iter().enumerate() {
                    locals.push(tir::Local {
                        name: own[i].name.clone(),
                        ty: p.clone(),
                    });
                }
                let recv_local = LocalId(locals.len() as u32);
                locals.push(tir::Local {
                    name: "$self".into(),
                    ty: Type::Instance(c),
                });
                let recv = tir::Expr::local(recv_local, Type::Instance(c));
                let devirtualise = entry.is_final || self.cx.class(c).is_final;
                let mut args = vec![recv.clone()];
                for (i, p) in params.iter().enumerate() {
                    args.push(tir::Expr::local(LocalId(i as u32 + 1), p.clone()));
                }
                for (i, p) in own.iter().enumerate().skip(arity) {
                    args.push(if devirtualise {
                        p.default
                            .clone()
                            .expect("arity_for: omitted parameters have defaults")
                    } else {
                        // A default read through the receiver, as a direct call would.
                        let (dslot, dentry) = self
                            .cx
                            .find_method(c, &seam_exports_schema::default_getter_name(name, i + 1))
                            .expect("every default has a getter slot");
                        tir::Expr::new(
                            ExprKind::VirtualCall {
                                slot: dslot,
                                func: dentry.func,
                                args: vec![recv.clone()],
                            },
                            p.ty.clone(),
                        )
                    });
                }
                let kind = if devirtualise {
                    ExprKind::Call(entry.func, args)
                } else {
                    ExprKind::VirtualCall {
                        slot,
                        func: entry.func,
                        args,
                    }
                };
                let call = tir::Expr::new(kind, sig.ret.clone());
                let load = tir::Stmt::AssignLocal(
                    recv_local,
                    tir::Expr::field(
                        tir::Expr::local(LocalId(0), value_ty),
                        layout::CALLABLE_RECEIVER,
                        Type::Instance(c),
                    ),
                );
                let body =
                    tir::Expr::new(ExprKind::Block(vec![load], Box::new(call)), sig.ret.clone());
                let class_name = self.cx.class(c).name.clone();
                let (cmod, cname) = class_name.rsplit_once('.').unwrap_or(("", &class_name));
                let symbol = format!(
                    "{}_{}",
                    self.thunk_symbol(ItemKind::MethodThunk, &[cmod, cname, name]),
                    arity
                );
                self.add_thunk(key, format!("{class_name}.{name}"), symbol, locals, body)
            }
        };
        Ok(new_value(thunk, obj, ty))
    }

    /// A call through a function value: positional arguments only, checked against its type.
    pub(super) fn call_value(&mut self, callee: tir::Expr, c: &ast::ExprCall) -> R<tir::Expr> {
        let Type::Callable(params, ret) = callee.ty.clone() else {
            return Err(match callee.ty {
                Type::Optional(ref inner) if matches!(**inner, Type::Callable(..)) => {
                    self.not_narrowed_or(c.func.range(), &callee.ty, "")
                }
                _ => self.error(
                    c.func.range(),
                    format!("{} is not callable", self.type_name(&callee.ty)),
                ),
            });
        };
        if let Some(kw) = c.arguments.keywords.first() {
            return Err(self.error(
                kw.range,
                "keyword arguments cannot be passed through a Callable value (it has no \
                 parameter names): pass them by position",
            ));
        }
        if let Some(s) = c
            .arguments
            .args
            .iter()
            .find(|a| matches!(a, Expr::Starred(_)))
        {
            return Err(self.error(s.range(), "'*' arguments are not supported"));
        }
        let given = c.arguments.args.len();
        if given != params.len() {
            return Err(self.error(
                c.range(),
                format!(
                    "this {} takes {} argument{} but {given} {} given",
                    self.type_name(&callee.ty),
                    params.len(),
                    if params.len() == 1 { "" } else { "s" },
                    if given == 1 { "was" } else { "were" },
                ),
            ));
        }
        let mut args = Vec::with_capacity(given);
        for (a, p) in c.arguments.args.iter().zip(&params) {
            args.push(self.expr_as(a, p)?);
        }
        Ok(tir::Expr::new(
            ExprKind::CallIndirect {
                callee: Box::new(callee),
                args,
            },
            *ret,
        ))
    }

    /// Whether a value of type `from` may be used where `to` is expected inside a
    /// `Callable` type without changing its machine representation.
    fn same_repr_assignable(&self, from: &Type, to: &Type) -> bool {
        if from == to {
            return true;
        }
        match (from, to) {
            (Type::Instance(s), Type::Instance(b)) => self.cx.is_subclass(*s, *b),
            (Type::Instance(_) | Type::Optional(_), Type::Optional(b)) => {
                let inner = match from {
                    Type::Optional(i) => i,
                    other => other,
                };
                inner.is_ref() && self.same_repr_assignable(inner, b)
            }
            (Type::Callable(..), Type::Optional(b)) => self.same_repr_assignable(from, b),
            (Type::Callable(fp, fr), Type::Callable(tp, tr)) => {
                fp.len() == tp.len()
                    && tp
                        .iter()
                        .zip(fp)
                        .all(|(t, f)| self.same_repr_assignable(t, f))
                    && self.same_repr_assignable(fr, tr)
            }
            _ => false,
        }
    }

    /// A function value viewed as another `Callable` type it conforms to (parameters
    /// contravariant, result covariant, as in mypy), or `None` when it does not.
    pub(super) fn coerce_callable(&self, v: &tir::Expr, target: &Type) -> Option<tir::Expr> {
        let ok = match (&v.ty, target) {
            (Type::Callable(..), Type::Callable(..) | Type::Optional(_)) => {
                self.same_repr_assignable(&v.ty, target)
            }
            (Type::Optional(inner), Type::Optional(_)) if matches!(**inner, Type::Callable(..)) => {
                self.same_repr_assignable(&v.ty, target)
            }
            _ => false,
        };
        ok.then(|| tir::Expr::new(v.kind.clone(), target.clone()))
    }

    /// Reports a generic operation (printing, `==`, hashing...) on function values
    /// anywhere in the statements a source statement at `range` was lowered to.
    /// Nested statement bodies are not searched: their own statements were.
    pub(super) fn refuse_generic_ops(&mut self, stmts: &[tir::Stmt], range: TextRange) {
        let mut found = false;
        for s in stmts {
            stmt_uses_callable_code(s, &mut found);
        }
        if found {
            self.error(range, NO_GENERIC_OPS);
        }
    }

    /// Reports, at the expression, a generic operation on function values that the
    /// expression itself just lowered to (`print(f)`, `str(f)`, `f"{fs}"`): a runtime
    /// call taking a type code of a `Callable` type, at the top or in the statements of
    /// its desugaring. Anything deeper is caught per statement ([`Self::refuse_generic_ops`]).
    pub(super) fn refuse_generic_op_here(&mut self, v: &tir::Expr, range: TextRange) -> R<()> {
        fn direct(e: &tir::Expr) -> bool {
            match &e.kind {
                ExprKind::RtCall(_, args) => args
                    .iter()
                    .any(|a| matches!(&a.kind, ExprKind::TypeCode(t) if mentions_callable(t))),
                _ => false,
            }
        }
        let found = match &v.kind {
            ExprKind::Block(stmts, e) => {
                direct(e)
                    || stmts.iter().any(|s| match s {
                        tir::Stmt::Expr(e) | tir::Stmt::AssignLocal(_, e) => direct(e),
                        _ => false,
                    })
            }
            _ => direct(v),
        };
        if found {
            return Err(self.error(range, NO_GENERIC_OPS));
        }
        Ok(())
    }

    /// `==`, ordering and `in` involving function values: refused (see the module comment).
    pub(super) fn refuse_callable_comparison(
        &mut self,
        l: &Type,
        r: &Type,
        range: TextRange,
    ) -> R<()> {
        if mentions_callable(l) || mentions_callable(r) {
            return Err(self.error(
                range,
                "Callable values cannot be compared or searched for: CPython compares \
                 functions by identity and bound methods by receiver, which Seam does not \
                 reproduce",
            ));
        }
        Ok(())
    }

    /// `is` between function values: refused (see the module comment).
    pub(super) fn refuse_callable_identity(
        &mut self,
        l: &Type,
        r: &Type,
        range: TextRange,
    ) -> R<()> {
        if mentions_callable(l) || mentions_callable(r) {
            return Err(self.error(
                range,
                "'is' on Callable values is refused: CPython's answer depends on how each \
                 value was made ('f is f' is True, 'o.m is o.m' is False)",
            ));
        }
        Ok(())
    }

    /// A deterministic symbol for a thunk: the module that first needs it (an extension's
    /// thunks of core functions must not collide with the core's own when linked in),
    /// then the target's name parts.
    fn thunk_symbol(&self, kind: ItemKind, parts: &[&str]) -> String {
        let owner = self.cx.module(self.module).name.clone();
        let mut s = mangle(kind, &owner, parts.last().copied().unwrap_or(""));
        for part in &parts[..parts.len().saturating_sub(1)] {
            for comp in part.split('.').filter(|c| !c.is_empty()) {
                s.push('_');
                s.push_str(&comp.len().to_string());
                s.push_str(comp);
            }
        }
        s
    }

    fn add_thunk(
        &mut self,
        key: ThunkKey,
        name: String,
        symbol: String,
        locals: Vec<tir::Local>,
        call: tir::Expr,
    ) -> FuncId {
        let nparams = locals.iter().take_while(|l| l.name != "$self").count();
        let ret = call.ty.clone();
        let body = if ret == Type::None {
            vec![tir::Stmt::Expr(call), tir::Stmt::Return(None)]
        } else {
            vec![tir::Stmt::Return(Some(call))]
        };
        let id = FuncId(self.cx.program.functions.len() as u32);
        self.cx.program.functions.push(tir::Function {
            name,
            symbol,
            params: (0..nparams as u32).map(LocalId).collect(),
            ret,
            locals,
            body,
            can_raise: false,
        });
        self.cx.func_sigs.push(None);
        self.cx.thunks.insert(key, id);
        id
    }
}

/// A new function value of type `ty` calling `thunk`, bound to `receiver` (or the int 0).
fn new_value(thunk: FuncId, receiver: tir::Expr, ty: Type) -> tir::Expr {
    tir::Expr::rt(
        Rt::CallableNew,
        vec![
            tir::Expr::new(ExprKind::FuncAddr(thunk), Type::Int),
            receiver,
        ],
        ty,
    )
}

/// Whether a type is or contains a function type.
pub(super) fn mentions_callable(t: &Type) -> bool {
    match t {
        Type::Callable(..) => true,
        Type::Int
        | Type::Float
        | Type::Bool
        | Type::Str
        | Type::None
        | Type::Instance(_)
        | Type::File
        | Type::Object => false,
        Type::List(e)
        | Type::Optional(e)
        | Type::DictKeys(e)
        | Type::DictValues(e)
        | Type::Set(e)
        | Type::VarTuple(e) => mentions_callable(e),
        Type::Dict(k, v) | Type::DictItems(k, v) => mentions_callable(k) || mentions_callable(v),
        Type::Tuple(ts) => ts.iter().any(mentions_callable),
    }
}

fn stmt_uses_callable_code(s: &tir::Stmt, found: &mut bool) {
    use tir::Stmt;
    match s {
        Stmt::Expr(e) | Stmt::AssignLocal(_, e) | Stmt::AssignGlobal(_, e) | Stmt::Raise(e) => {
            expr_uses_callable_code(e, found)
        }
        Stmt::Return(e) => e.iter().for_each(|e| expr_uses_callable_code(e, found)),
        Stmt::StoreField { base, value, .. } => {
            expr_uses_callable_code(base, found);
            expr_uses_callable_code(value, found);
        }
        Stmt::If { cond, .. } | Stmt::While { cond, .. } => expr_uses_callable_code(cond, found),
        Stmt::Break | Stmt::Continue | Stmt::Try { .. } => {}
    }
}

fn expr_uses_callable_code(e: &tir::Expr, found: &mut bool) {
    if *found {
        return;
    }
    match &e.kind {
        ExprKind::TypeCode(t) => *found |= mentions_callable(t),
        ExprKind::Int(_)
        | ExprKind::Float(_)
        | ExprKind::Bool(_)
        | ExprKind::None
        | ExprKind::Str(_)
        | ExprKind::Local(_)
        | ExprKind::Global(_)
        | ExprKind::New(_)
        | ExprKind::FuncAddr(_) => {}
        ExprKind::Unary(_, a) => expr_uses_callable_code(a, found),
        ExprKind::Binary(_, a, b) | ExprKind::And(a, b) | ExprKind::Or(a, b) => {
            expr_uses_callable_code(a, found);
            expr_uses_callable_code(b, found);
        }
        ExprKind::IfElse {
            cond,
            then,
            otherwise,
        } => {
            expr_uses_callable_code(cond, found);
            expr_uses_callable_code(then, found);
            expr_uses_callable_code(otherwise, found);
        }
        ExprKind::Call(_, args)
        | ExprKind::RtCall(_, args)
        | ExprKind::CCall { args, .. }
        | ExprKind::Tuple(args)
        | ExprKind::VirtualCall { args, .. } => {
            args.iter().for_each(|a| expr_uses_callable_code(a, found))
        }
        ExprKind::CallIndirect { callee, args } => {
            expr_uses_callable_code(callee, found);
            args.iter().for_each(|a| expr_uses_callable_code(a, found));
        }
        ExprKind::LoadField { base, .. } => expr_uses_callable_code(base, found),
        ExprKind::IsInstance { value, .. } => expr_uses_callable_code(value, found),
        ExprKind::ListItem { list, index } => {
            expr_uses_callable_code(list, found);
            expr_uses_callable_code(index, found);
        }
        // Desugaring temporaries of this very expression: searched whole.
        ExprKind::Block(stmts, e) => {
            for s in stmts {
                stmt_uses_callable_code_deep(s, found);
            }
            expr_uses_callable_code(e, found);
        }
    }
}

/// Like [`stmt_uses_callable_code`], descending into nested bodies (for statements an
/// expression was desugared into).
fn stmt_uses_callable_code_deep(s: &tir::Stmt, found: &mut bool) {
    use tir::Stmt;
    stmt_uses_callable_code(s, found);
    let bodies: Vec<&Vec<Stmt>> = match s {
        Stmt::If {
            then_body,
            else_body,
            ..
        } => vec![then_body, else_body],
        Stmt::While { body, .. } => vec![body],
        Stmt::Try {
            body,
            handlers,
            else_body,
            finally_body,
        } => {
            let mut v = vec![body, else_body, finally_body];
            v.extend(handlers.iter().map(|h| &h.body));
            v
        }
        _ => vec![],
    };
    for b in bodies {
        for s in b {
            stmt_uses_callable_code_deep(s, found);
        }
    }
}
