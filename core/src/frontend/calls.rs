//! Calls: what a call names (a user function, a class, a method, a function
//! value, a builtin) and the binding of its arguments, positional and keyword,
//! to parameters, with the defaults filled in. Builtins are checked in
//! `builtins.rs`, methods of builtin types in `methods.rs`, and the rest in
//! the modules of what is called.

use ruff_python_ast::{self as ast, Expr};
use ruff_text_size::Ranged;

use super::checker::{Checker, R, Reported};
use super::defs::{Binding, Pass, SeamName, Slot};
use super::rules::Item;
use crate::tir::{self, ExprKind, Type};

impl Checker<'_, '_> {
    pub(super) fn call(&mut self, c: &ast::ExprCall, expected: Option<&Type>) -> R<tir::Expr> {
        match c.func.as_ref() {
            Expr::Name(n) => {
                let name = n.id.as_str();
                if self.local_names.contains(name) {
                    let v = self.expr(&c.func, None)?;
                    if matches!(v.ty, Type::Callable(..)) {
                        return self.call_value(v, c);
                    }
                    return Err(
                        self.error(n.range, format!("'{name}' is a variable, not a function"))
                    );
                }
                match self.cx.module(self.module).scope.get(name).cloned() {
                    Some(Binding::Function(f)) => self.user_call(f, c),
                    Some(Binding::Global(g))
                        if matches!(
                            self.cx.program.globals[g.0 as usize].ty,
                            Type::Callable(..) | Type::Optional(_)
                        ) =>
                    {
                        let v = self.expr(&c.func, None)?;
                        self.call_value(v, c)
                    }
                    Some(Binding::Global(_)) => Err(self.error(
                        n.range,
                        format!("'{name}' is a global variable, not a function"),
                    )),
                    Some(Binding::Class(cid)) => self.construct(cid, c),
                    Some(Binding::Seam(SeamName::LoadExtension)) => self.load_extension(c),
                    Some(Binding::Seam(SeamName::Intmask)) => self.intmask(c),
                    Some(Binding::Seam(
                        s @ (SeamName::CPointer | SeamName::CLibrary | SeamName::CFunction),
                    )) => self.c_item_call(s, c),
                    Some(Binding::Poisoned) => Err(Reported),
                    Some(_) => Err(self.error(n.range, format!("'{name}' is not callable"))),
                    None => match self.cx.builtin_class(name) {
                        Some(cid) => self.construct(cid, c),
                        None => self.builtin_call(name, c, expected),
                    },
                }
            }
            Expr::Attribute(a) => {
                // `super().m(...)`
                if let Expr::Call(inner) = a.value.as_ref()
                    && matches!(inner.func.as_ref(), Expr::Name(n) if n.id.as_str() == "super")
                    && !self.local_names.contains("super")
                {
                    if !inner.arguments.args.is_empty() || !inner.arguments.keywords.is_empty() {
                        return Err(self.error(
                            inner.range(),
                            "only the zero-argument form super() is supported",
                        ));
                    }
                    if self.in_comprehension > 0 {
                        return Err(self.error(
                            inner.range(),
                            "super() inside a comprehension raises TypeError under CPython 3.11 \
                             (the comprehension runs as a function of its own): call it before \
                             the comprehension and use the result",
                        ));
                    }
                    return self.super_call(a, c);
                }
                // `C.m(obj, ...)`: a non-virtual call.
                if !self.is_local_name(&a.value)
                    && let Some(cid) = self.cx.class_named(self.module, &a.value)
                {
                    return self.class_method_call(cid, a, c);
                }
                if a.attr.id.as_str() == "intmask"
                    && matches!(a.value.as_ref(), Expr::Name(m)
                        if !self.local_names.contains(m.id.as_str())
                            && self.cx.module(self.module).scope.get(m.id.as_str())
                                == Some(&Binding::SeamModule))
                {
                    return self.intmask(c);
                }
                if !self.is_local_name(&a.value)
                    && let Some(s) = self.cx.seam_item(self.module, &c.func)
                {
                    return self.c_item_call(s, c);
                }
                if let Some(call) = self.sys_call(a, c) {
                    return call;
                }
                if let Some(m) = self.module_of(&a.value) {
                    let attr = a.attr.id.as_str();
                    return match self.cx.module(m).scope.get(attr).cloned() {
                        Some(Binding::Function(f)) => self.user_call(f, c),
                        Some(Binding::Global(g))
                            if matches!(
                                self.cx.program.globals[g.0 as usize].ty,
                                Type::Callable(..)
                            ) =>
                        {
                            let v = self.expr(&c.func, None)?;
                            self.call_value(v, c)
                        }
                        Some(Binding::Class(cid)) => self.construct(cid, c),
                        _ => {
                            let mname = self.cx.module(m).name.clone();
                            Err(self.error(
                                a.attr.range,
                                match self.cx.not_exported(m, Item::Function, attr) {
                                    Some(message) => message,
                                    None => format!("module '{mname}' has no function '{attr}'"),
                                },
                            ))
                        }
                    };
                }
                let recv = self.expr(&a.value, None)?;
                // `self.handler(x)`: a field holding a function value.
                if let Type::Instance(cid) = recv.ty
                    && self.cx.find_method(cid, a.attr.id.as_str()).is_none()
                    && let Some(f) = self.cx.find_field(cid, a.attr.id.as_str())
                    && matches!(f.ty, Type::Callable(..) | Type::Optional(_))
                {
                    let v = self.instance_attr(recv, cid, &a.attr)?;
                    let v = match self.narrowed_type(&c.func) {
                        Some(t) => tir::Expr::new(v.kind, t),
                        None => v,
                    };
                    return self.call_value(v, c);
                }
                self.method_call(recv, a, c)
            }
            other => {
                let v = self.expr(other, None)?;
                self.call_value(v, c)
            }
        }
    }

    /// Matches a builtin's arguments to named slots; returns the source
    /// expression per slot. Builtins take their arguments in slot order, so
    /// keyword arguments written in another order must be free of effects.
    pub(super) fn bind_args<'e>(
        &mut self,
        c: &'e ast::ExprCall,
        fname: &str,
        slots: &[Slot<'_>],
    ) -> R<Vec<Option<&'e Expr>>> {
        let bound = self.bind_slots(c, fname, slots)?;
        let given: Vec<(usize, &Expr)> = bound
            .iter()
            .enumerate()
            .filter_map(|(i, b)| b.map(|e| (i, e)))
            .collect();
        for w in given.windows(2) {
            let ((i, a), (j, b)) = (w[0], w[1]);
            let effect_free = |e: &Expr| {
                matches!(
                    e,
                    Expr::Name(_)
                        | Expr::NumberLiteral(_)
                        | Expr::StringLiteral(_)
                        | Expr::BooleanLiteral(_)
                        | Expr::NoneLiteral(_)
                )
            };
            if b.range().start() < a.range().start() && !(effect_free(a) && effect_free(b)) {
                return Err(self.error(
                    b.range(),
                    format!(
                        "{fname}() evaluates its arguments in parameter order: write '{}' before '{}', or pass plain names",
                        slots[i].name, slots[j].name
                    ),
                ));
            }
        }
        Ok(bound)
    }

    /// Matches a call's arguments to named slots; returns the source expression per slot.
    /// Positional arguments fill the slots that take a position, in order; a slot passed
    /// the other way than its [`Pass`] allows is refused, as CPython refuses it at run time.
    pub(super) fn bind_slots<'e>(
        &mut self,
        c: &'e ast::ExprCall,
        fname: &str,
        slots: &[Slot<'_>],
    ) -> R<Vec<Option<&'e Expr>>> {
        let mut out: Vec<Option<&Expr>> = vec![None; slots.len()];
        let by_position = slots.iter().take_while(|s| s.pass != Pass::Keyword).count();
        let given = c.arguments.args.len();
        if given > by_position {
            let mut msg = format!(
                "{fname}() takes {by_position} {}argument{} but {given} {} given",
                if by_position < slots.len() {
                    "positional "
                } else {
                    ""
                },
                if by_position == 1 { "" } else { "s" },
                if given == 1 { "was" } else { "were" },
            );
            if let Some(kw) = slots.get(by_position) {
                msg.push_str(&format!(
                    ": pass '{}' by keyword ({}=...)",
                    kw.name, kw.name
                ));
            }
            return Err(self.error(c.range(), msg));
        }
        for (i, a) in c.arguments.args.iter().enumerate() {
            if let Expr::Starred(s) = a {
                return Err(self.error(s.range, "'*' arguments are not supported"));
            }
            out[i] = Some(a);
        }
        for kw in &c.arguments.keywords {
            let Some(name) = &kw.arg else {
                return Err(self.error(kw.range, "'**' arguments are not supported"));
            };
            let Some(i) = slots.iter().position(|s| s.name == name.id.as_str()) else {
                return Err(self.error(
                    name.range,
                    format!("{fname}() got an unexpected keyword argument '{}'", name.id),
                ));
            };
            if slots[i].pass == Pass::Position {
                return Err(self.error(
                    kw.range,
                    format!(
                        "{fname}() takes '{}' by position only: pass the value without '{}='",
                        name.id, name.id
                    ),
                ));
            }
            if out[i].is_some() {
                return Err(self.error(
                    name.range,
                    format!("{fname}() got multiple values for argument '{}'", name.id),
                ));
            }
            out[i] = Some(&kw.value);
        }
        for (i, s) in slots.iter().enumerate() {
            if s.required && out[i].is_none() {
                return Err(self.error(
                    c.range(),
                    format!("{fname}() missing required argument '{}'", s.name),
                ));
            }
        }
        Ok(out)
    }

    pub(super) fn user_call(&mut self, f: tir::FuncId, c: &ast::ExprCall) -> R<tir::Expr> {
        let Some(sig) = self.cx.func_sigs[f.0 as usize]
            .clone()
            .filter(|s| s.bad_params.is_empty())
        else {
            // The signature had errors, already reported: its calls cannot be checked.
            return Err(Reported);
        };
        let slots: Vec<Slot<'_>> = sig
            .params
            .iter()
            .map(|p| Slot::param(&p.name, p.default.is_none()))
            .collect();
        let bound = self.bind_slots(c, &sig.name, &slots)?;
        let mut args = Vec::new();
        for (p, a) in sig.params.iter().zip(&bound) {
            args.push(match a {
                Some(e) => self.expr_as(e, &p.ty)?,
                None => p
                    .default
                    .clone()
                    .expect("checked: missing arguments have defaults"),
            });
        }
        let hoisted = self.args_in_source_order(&bound, &mut args, None);
        // A C function's stub is called through: the call goes to C directly.
        if let Some(stub) = self.cx.c_stub_of(f) {
            let call = self.c_call(&stub, args, &sig.ret);
            return Ok(super::order::after(hoisted, call));
        }
        // A default string literal was interned when the signature was checked.
        let call = tir::Expr::new(ExprKind::Call(f, args), sig.ret.clone());
        Ok(super::order::after(hoisted, call))
    }

    pub(super) fn no_keywords(&mut self, c: &ast::ExprCall, fname: &str) -> R<()> {
        if let Some(kw) = c.arguments.keywords.first() {
            return Err(self.error(kw.range, format!("{fname}() takes no keyword arguments")));
        }
        Ok(())
    }

    pub(super) fn positional<'e>(
        &mut self,
        c: &'e ast::ExprCall,
        fname: &str,
        min: usize,
        max: usize,
    ) -> R<&'e [Expr]> {
        self.no_keywords(c, fname)?;
        let n = c.arguments.args.len();
        if n < min || n > max {
            let want = if min == max {
                format!("{min}")
            } else {
                format!("{min} to {max}")
            };
            return Err(self.error(
                c.range(),
                format!(
                    "{fname}() takes {want} argument{} ({n} given)",
                    if max == 1 { "" } else { "s" }
                ),
            ));
        }
        Ok(&c.arguments.args)
    }
}
