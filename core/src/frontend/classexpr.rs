//! Class expressions: construction (`C(...)`, with the builtin exceptions'
//! and `object`'s initialisers), field reads and writes, method calls
//! (virtual, direct and through `super()`), class attributes and constants,
//! and `isinstance`. The layouts and slots they use come from the class plan
//! (`classplan.rs`).

use seam_exports_schema::default_getter_name;

use ruff_python_ast::{self as ast, Expr};
use ruff_text_size::Ranged;

use super::checker::{Checker, R, Reported};
use super::classes::{ARGS_CODE_FIELD, ARGS_FIELD, Init, args_field_type};
use super::defs::{Constant, Slot};
use super::values::null_str;
use crate::layout;
use crate::rt::ExcKind;
use crate::tir::{self, ClassId, ExprKind, FuncId, Type};

impl Checker<'_, '_> {
    /// A class constant as an expression.
    pub(super) fn class_constant(&mut self, k: Constant) -> tir::Expr {
        match k {
            Constant::Int(v) => tir::Expr::int(v),
            Constant::Float(v) => tir::Expr::new(ExprKind::Float(v), Type::Float),
            Constant::Bool(v) => tir::Expr::bool(v),
            Constant::Str(text) => {
                let id = self.cx.intern(&text);
                tir::Expr::new(ExprKind::Str(id), Type::Str)
            }
        }
    }

    /// `C(args)`: allocate, then run the nearest `__init__`.
    pub(super) fn construct(&mut self, c: ClassId, call: &ast::ExprCall) -> R<tir::Expr> {
        if c == ClassId(ExcKind::SystemExit as u32)
            && (!call.arguments.args.is_empty() || !call.arguments.keywords.is_empty())
        {
            // Its argument is the exit status or a message to print: only sys.exit makes one
            // with an argument (`SystemExit()` has none: status 0, as in CPython).
            return Err(self.error(
                call.range(),
                "SystemExit(...) with an argument is not supported: call sys.exit(status)",
            ));
        }
        let ty = Type::Instance(c);
        let new = tir::Expr::new(ExprKind::New(c), ty.clone());
        let (s, obj) = self.bind_temp(new);
        let init = self.init_call(c, obj.clone(), call, &self.cx.class(c).name.clone())?;
        let mut stmts = vec![s];
        stmts.extend(init);
        Ok(tir::Expr::new(ExprKind::Block(stmts, Box::new(obj)), ty))
    }

    /// The statements that initialise `obj` as class `c` would, with the call's arguments.
    pub(super) fn init_call(
        &mut self,
        c: ClassId,
        obj: tir::Expr,
        call: &ast::ExprCall,
        what: &str,
    ) -> R<Vec<tir::Stmt>> {
        match self.cx.find_init(c) {
            Init::User(f) if self.cx.program.classes[c.0 as usize].is_exception => {
                self.exception_user_init(f, obj, call)
            }
            Init::User(f) => {
                let e = self.user_call_with_self(f, obj, call)?;
                Ok(vec![tir::Stmt::Expr(e)])
            }
            Init::Exception { key_error } => {
                if !call.arguments.keywords.is_empty() {
                    return Err(
                        self.error(call.range(), "exception classes take no keyword arguments")
                    );
                }
                // As `BaseException.__init__`: `args` becomes the call's
                // arguments (also when reached through `super().__init__`,
                // replacing what the subclass's construction kept): `()` is no
                // message; `(msg,)` the message, except for a `KeyError`, whose
                // one argument is kept as such (`str()` shows its repr).
                let none_args = tir::Expr::new(ExprKind::None, args_field_type());
                let (msg, args) = match &call.arguments.args[..] {
                    [] => (null_str(), none_args),
                    [m] => {
                        let m = self.expr_as(m, &Type::Str)?;
                        if key_error {
                            let ty = Type::Tuple(vec![Type::Str]);
                            (null_str(), tir::Expr::new(ExprKind::Tuple(vec![m]), ty))
                        } else {
                            (m, none_args)
                        }
                    }
                    _ => {
                        return Err(
                            self.error(call.range(), "exception classes take one message argument")
                        );
                    }
                };
                let (Some(args_field), Some(code_field)) = (
                    self.cx.find_field(c_of(&obj), ARGS_FIELD),
                    self.cx.find_field(c_of(&obj), ARGS_CODE_FIELD),
                ) else {
                    return Err(Reported);
                };
                let code = match &args.kind {
                    ExprKind::None => tir::Expr::int(0),
                    _ => tir::Expr::type_code(args.ty.clone()),
                };
                Ok(vec![
                    tir::Stmt::StoreField {
                        base: obj.clone(),
                        offset: layout::EXC_MESSAGE,
                        value: msg,
                    },
                    tir::Stmt::StoreField {
                        base: obj.clone(),
                        offset: code_field.offset,
                        value: code,
                    },
                    tir::Stmt::StoreField {
                        base: obj,
                        offset: args_field.offset,
                        value: args,
                    },
                ])
            }
            Init::Object => {
                if !call.arguments.args.is_empty() || !call.arguments.keywords.is_empty() {
                    return Err(self.error(
                        call.range(),
                        format!("{what}() takes no arguments (it has no __init__)"),
                    ));
                }
                Ok(Vec::new())
            }
        }
    }

    /// An exception class's own `__init__`: as CPython's `BaseException.__new__` does,
    /// the positional arguments of the call are kept as the exception's `args` (from
    /// which `str(e)` comes unless `__init__` passes a message to `super().__init__`),
    /// whatever `__init__` does with them. Each argument is evaluated once.
    pub(super) fn exception_user_init(
        &mut self,
        f: FuncId,
        obj: tir::Expr,
        call: &ast::ExprCall,
    ) -> R<Vec<tir::Stmt>> {
        let Some(sig) = self.cx.func_sigs[f.0 as usize].clone() else {
            return Err(Reported);
        };
        let (hoisted, all) = self.bind_method_args(&sig, call, obj.clone())?;
        let args: Vec<tir::Expr> = all.into_iter().skip(1).collect();
        let positional = call.arguments.args.len().min(args.len());
        let mut stmts = hoisted;
        let mut temps = Vec::new();
        for a in args {
            let (s, t) = self.bind_temp(a);
            stmts.push(s);
            temps.push(t);
        }
        if positional > 0 {
            let elems: Vec<tir::Expr> = temps[..positional].to_vec();
            let ty = Type::Tuple(elems.iter().map(|e| e.ty.clone()).collect());
            let (Some(args_field), Some(code_field)) = (
                self.cx.find_field(c_of(&obj), ARGS_FIELD),
                self.cx.find_field(c_of(&obj), ARGS_CODE_FIELD),
            ) else {
                return Err(Reported);
            };
            stmts.push(tir::Stmt::StoreField {
                base: obj.clone(),
                offset: code_field.offset,
                value: tir::Expr::type_code(ty.clone()),
            });
            stmts.push(tir::Stmt::StoreField {
                base: obj.clone(),
                offset: args_field.offset,
                value: tir::Expr::new(ExprKind::Tuple(elems), ty),
            });
        }
        let mut all = vec![obj];
        all.extend(temps);
        stmts.push(tir::Stmt::Expr(tir::Expr::new(
            ExprKind::Call(f, all),
            sig.ret.clone(),
        )));
        Ok(stmts)
    }

    /// Calls method `f` with `self` bound to `obj` and the call's own arguments.
    pub(super) fn user_call_with_self(
        &mut self,
        f: FuncId,
        obj: tir::Expr,
        call: &ast::ExprCall,
    ) -> R<tir::Expr> {
        let Some(sig) = self.cx.func_sigs[f.0 as usize].clone() else {
            return Err(Reported);
        };
        let (hoisted, all) = self.bind_method_args(&sig, call, obj)?;
        let call = tir::Expr::new(ExprKind::Call(f, all), sig.ret.clone());
        Ok(super::order::after(hoisted, call))
    }

    /// Checks a call's arguments against a method's parameters after `self`;
    /// returns the statements that evaluate them in source order, when they
    /// must be hoisted, and the arguments, `recv` first.
    pub(super) fn bind_method_args(
        &mut self,
        sig: &super::defs::FuncSig,
        call: &ast::ExprCall,
        mut recv: tir::Expr,
    ) -> R<(Vec<tir::Stmt>, Vec<tir::Expr>)> {
        let params = &sig.params[1.min(sig.params.len())..];
        let slots: Vec<Slot<'_>> = params
            .iter()
            .map(|p| Slot::param(&p.name, p.default.is_none()))
            .collect();
        let bound = self.bind_slots(call, &sig.name, &slots)?;
        let mut args = Vec::new();
        for (p, a) in params.iter().zip(&bound) {
            args.push(match a {
                Some(e) => self.expr_as(e, &p.ty)?,
                None => p.default.clone().expect("missing arguments have defaults"),
            });
        }
        let hoisted = self.args_in_source_order(&bound, &mut args, Some(&mut recv));
        let mut all = vec![recv];
        all.extend(args);
        Ok((hoisted, all))
    }

    /// `obj.m(args)` on an instance of class `c`.
    pub(super) fn instance_method_call(
        &mut self,
        obj: tir::Expr,
        c: ClassId,
        a: &ast::ExprAttribute,
        call: &ast::ExprCall,
    ) -> R<tir::Expr> {
        let name = a.attr.id.as_str();
        if self.cx.is_bad_member(c, name) {
            return Err(Reported);
        }
        let Some((slot, entry)) = self.cx.find_method(c, name) else {
            let cname = self.cx.class(c).name.clone();
            return Err(self.error(
                a.attr.range,
                format!("class '{cname}' has no method '{name}'"),
            ));
        };
        if name == "__hash__" && self.cx.is_unhashable_hash(entry.func) {
            let cname = self.cx.class(c).name.clone();
            return Err(self.error(
                a.attr.range,
                format!(
                    "'{cname}.__hash__' is None: the class defines __eq__ without __hash__ (calling it would raise TypeError)"
                ),
            ));
        }
        let Some(sig) = self.cx.func_sigs[entry.func.0 as usize].clone() else {
            return Err(Reported);
        };
        // Only @final methods and @final classes are devirtualised: extensions may override the rest.
        let devirtualise = entry.is_final || self.cx.class(c).is_final;
        let params = &sig.params[1.min(sig.params.len())..];
        let slots: Vec<Slot<'_>> = params
            .iter()
            .map(|p| Slot::param(&p.name, p.default.is_none()))
            .collect();
        let bound = self.bind_slots(call, &sig.name, &slots)?;
        let omits = bound.iter().any(Option::is_none);
        let mut stmts = Vec::new();
        let obj = if omits && !devirtualise {
            let (s, t) = self.bind_temp(obj);
            stmts.push(s);
            t
        } else {
            obj
        };
        let mut args = Vec::new();
        for (i, (p, a)) in params.iter().zip(&bound).enumerate() {
            args.push(match a {
                Some(e) => self.expr_as(e, &p.ty)?,
                None if devirtualise => p.default.clone().expect("missing arguments have defaults"),
                None => {
                    // The exports file's consistency check guarantees the slot for
                    // imported classes; the front end synthesizes it for its own.
                    let Some((dslot, dentry)) =
                        self.cx.find_method(c, &default_getter_name(name, i + 1))
                    else {
                        return Err(self.error(
                            call.range(),
                            format!("internal error: no default getter for {name}; this is a bug"),
                        ));
                    };
                    tir::Expr::new(
                        ExprKind::VirtualCall {
                            slot: dslot,
                            func: dentry.func,
                            args: vec![obj.clone()],
                        },
                        p.ty.clone(),
                    )
                }
            });
        }
        let mut recv = obj;
        stmts.extend(self.args_in_source_order(&bound, &mut args, Some(&mut recv)));
        let mut all = vec![recv];
        all.extend(args);
        let kind = if devirtualise {
            ExprKind::Call(entry.func, all)
        } else {
            ExprKind::VirtualCall {
                slot,
                func: entry.func,
                args: all,
            }
        };
        let call = tir::Expr::new(kind, sig.ret.clone());
        if stmts.is_empty() {
            return Ok(call);
        }
        Ok(tir::Expr::new(
            ExprKind::Block(stmts, Box::new(call)),
            sig.ret.clone(),
        ))
    }

    /// `C.m(self, args)`: a non-virtual call of `C`'s implementation (or `C.__init__(self, ...)`).
    pub(super) fn class_method_call(
        &mut self,
        c: ClassId,
        a: &ast::ExprAttribute,
        call: &ast::ExprCall,
    ) -> R<tir::Expr> {
        let name = a.attr.id.as_str();
        if self.cx.is_bad_member(c, name) {
            return Err(Reported);
        }
        let cname = self.cx.class(c).name.clone();
        let Some(first) = call.arguments.args.first() else {
            return Err(self.error(
                call.range(),
                format!("'{cname}.{name}(...)' needs the instance as its first argument"),
            ));
        };
        let recv = self.expr_as(first, &Type::Instance(c))?;
        self.direct_method_call(c, recv, a, &strip_first_arg(call))
    }

    /// A non-virtual call of class `c`'s method `a.attr` (or its `__init__`) on `recv`,
    /// with the call's arguments: `C.m(self, ...)` and `super().m(...)`.
    pub(super) fn direct_method_call(
        &mut self,
        c: ClassId,
        recv: tir::Expr,
        a: &ast::ExprAttribute,
        call: &ast::ExprCall,
    ) -> R<tir::Expr> {
        let name = a.attr.id.as_str();
        let cname = self.cx.class(c).name.clone();
        if name == "__init__" {
            let stmts = self.init_call(c, recv, call, &cname)?;
            return Ok(tir::Expr::new(
                ExprKind::Block(stmts, Box::new(tir::Expr::none())),
                Type::None,
            ));
        }
        let Some((_, entry)) = self.cx.find_method(c, name) else {
            return Err(self.error(
                a.attr.range,
                format!("class '{cname}' has no method '{name}'"),
            ));
        };
        let Some(sig) = self.cx.func_sigs[entry.func.0 as usize].clone() else {
            return Err(Reported);
        };
        let (hoisted, all) = self.bind_method_args(&sig, call, recv)?;
        let call = tir::Expr::new(ExprKind::Call(entry.func, all), sig.ret.clone());
        Ok(super::order::after(hoisted, call))
    }

    /// `super().m(args)` inside a method of class `self.class`.
    pub(super) fn super_call(
        &mut self,
        a: &ast::ExprAttribute,
        call: &ast::ExprCall,
    ) -> R<tir::Expr> {
        let Some((class, self_local)) = self.method_of else {
            return Err(self.error(a.range, "super() is only allowed inside a method"));
        };
        let Some(parent) = self.cx.class(class).parent else {
            return Err(self.error(a.range, "super(): this class has no base class"));
        };
        let obj = tir::Expr::local(self_local, Type::Instance(parent));
        self.direct_method_call(parent, obj, a, call)
    }

    /// `obj.name` on an instance: a field load or a class constant.
    pub(super) fn instance_attr(
        &mut self,
        obj: tir::Expr,
        c: ClassId,
        attr: &ast::Identifier,
    ) -> R<tir::Expr> {
        let name = attr.id.as_str();
        if self.cx.is_bad_member(c, name) {
            return Err(Reported);
        }
        if let Some(f) = self.cx.find_field(c, name) {
            return Ok(tir::Expr::field(obj, f.offset, f.ty));
        }
        if let Some((slot, entry)) = self.cx.find_method(c, &format!("${name}")) {
            let ty = self.cx.program.functions[entry.func.0 as usize].ret.clone();
            let kind = if self.cx.class(c).is_final {
                ExprKind::Call(entry.func, vec![obj])
            } else {
                ExprKind::VirtualCall {
                    slot,
                    func: entry.func,
                    args: vec![obj],
                }
            };
            return Ok(tir::Expr::new(kind, ty));
        }
        let cname = self.cx.class(c).name.clone();
        if self.cx.find_method(c, name).is_some() {
            return Err(self.error(
                attr.range,
                format!("method '{cname}.{name}' is not a value: call it"),
            ));
        }
        if self.cx.program.classes[c.0 as usize].is_exception && name == "args" {
            return Err(self.error(attr.range, super::excargs::EXC_ARGS_USES));
        }
        Err(self.error(
            attr.range,
            format!(
                "class '{cname}' has no field '{name}' (declare it in the class body: '{name}: T')"
            ),
        ))
    }

    /// `C.NAME` for a class constant.
    pub(super) fn class_attr(&mut self, c: ClassId, attr: &ast::Identifier) -> R<tir::Expr> {
        let name = attr.id.as_str();
        if self.cx.is_bad_member(c, name) {
            return Err(Reported);
        }
        match self.cx.find_constant(c, name) {
            Some(k) => Ok(self.class_constant(k)),
            None if self.cx.find_method(c, name).is_some() => {
                let cname = self.cx.class(c).name.clone();
                Err(self.error(
                    attr.range,
                    format!(
                        "method '{cname}.{name}' is not a value through its class: \
                         bind it to an instance ('obj.{name}'), or call it"
                    ),
                ))
            }
            None => {
                let cname = self.cx.class(c).name.clone();
                Err(self.error(
                    attr.range,
                    format!("class '{cname}' has no constant '{name}'"),
                ))
            }
        }
    }

    /// `obj.name = v` on an instance.
    pub(super) fn store_attr(
        &mut self,
        obj: tir::Expr,
        c: ClassId,
        attr: &ast::Identifier,
        v: tir::Expr,
    ) -> R<tir::Stmt> {
        let name = attr.id.as_str();
        let Some(f) = self.cx.find_field(c, name) else {
            let cname = self.cx.class(c).name.clone();
            return Err(self.error(
                attr.range,
                format!("class '{cname}' has no field '{name}' (declare it in the class body: '{name}: T')"),
            ));
        };
        let v = self.coerce(v, &f.ty, attr.range)?;
        // Whatever was known about paths through this attribute no longer holds.
        self.flow.forget_attr(name);
        Ok(tir::Stmt::StoreField {
            base: obj,
            offset: f.offset,
            value: v,
        })
    }

    /// `isinstance(x, C)` or `isinstance(x, (A, B))`: the test and the class to narrow to.
    pub(super) fn isinstance(&mut self, call: &ast::ExprCall) -> R<(tir::Expr, Option<ClassId>)> {
        let args = &call.arguments.args;
        if args.len() != 2 || !call.arguments.keywords.is_empty() {
            return Err(self.error(
                call.range(),
                "isinstance() takes two arguments: a value and a class",
            ));
        }
        let v = self.expr(&args[0], None)?;
        // Relatedness is judged on the declared type: a narrowed local may still be tested.
        let declared = self
            .narrow_key(&args[0])
            .and_then(|k| self.declared_type_of(&k));
        let declared_class = match declared {
            Some(Type::Instance(c)) => Some(c),
            Some(Type::Optional(inner)) => match *inner {
                Type::Instance(c) => Some(c),
                _ => None,
            },
            _ => None,
        };
        let (vclass, optional) = match &v.ty {
            Type::Instance(c) => (Some(*c), false),
            // An `object` may be any instance (or None): every class is related.
            Type::Object => (None, true),
            Type::Optional(inner) => match inner.as_ref() {
                Type::Instance(c) => (Some(*c), true),
                _ => return Err(self.error(args[0].range(), "isinstance() needs a class instance")),
            },
            other => {
                let t = self.type_name(other);
                return Err(self.error(
                    args[0].range(),
                    format!("isinstance() needs a class instance, not {t}"),
                ));
            }
        };
        let targets: Vec<&Expr> = match &args[1] {
            Expr::Tuple(t) => t.elts.iter().collect(),
            other => vec![other],
        };
        let mut classes = Vec::new();
        for t in targets {
            let Some(c) = self.cx.class_named(self.module, t) else {
                return Err(self.error(
                    t.range(),
                    "isinstance() needs a class (or a tuple of classes) here",
                ));
            };
            let related = |k: ClassId| self.cx.is_subclass(c, k) || self.cx.is_subclass(k, c);
            if let Some(vclass) = vclass
                && !related(vclass)
                && !declared_class.is_some_and(related)
            {
                let (a, b) = (
                    self.cx.class(vclass).name.clone(),
                    self.cx.class(c).name.clone(),
                );
                return Err(self.error(
                    t.range(),
                    format!(
                        "isinstance() test against unrelated class: a '{a}' can never be a '{b}'"
                    ),
                ));
            }
            classes.push(c);
        }
        let (s, x) = self.bind_temp(tir::Expr::new(
            v.kind,
            vclass.map_or(Type::Object, Type::Instance),
        ));
        let mut test: Option<tir::Expr> = None;
        for &c in &classes {
            let one = if vclass.is_some_and(|v| self.cx.is_subclass(v, c)) {
                tir::Expr::bool(true)
            } else {
                tir::Expr::new(
                    ExprKind::IsInstance {
                        value: Box::new(x.clone()),
                        class: c,
                    },
                    Type::Bool,
                )
            };
            test = Some(match test {
                None => one,
                Some(t) => tir::Expr::new(ExprKind::Or(Box::new(t), Box::new(one)), Type::Bool),
            });
        }
        let mut test = test.expect("at least one class");
        if optional {
            let not_null = tir::Expr::unary(
                tir::UnaryOp::BoolNot,
                tir::Expr::unary(tir::UnaryOp::IsNull, x.clone(), Type::Bool),
                Type::Bool,
            );
            test = tir::Expr::new(
                ExprKind::And(Box::new(not_null), Box::new(test)),
                Type::Bool,
            );
        }
        let narrow = if classes.len() == 1 {
            Some(classes[0])
        } else {
            None
        };
        Ok((
            tir::Expr::new(ExprKind::Block(vec![s], Box::new(test)), Type::Bool),
            narrow,
        ))
    }
}

/// The class of an instance-typed expression.
pub(super) fn c_of(e: &tir::Expr) -> ClassId {
    match e.ty {
        Type::Instance(c) => c,
        _ => ClassId(ExcKind::Exception as u32),
    }
}

/// The same call without its first positional argument (`C.m(self, ...)`).
pub(super) fn strip_first_arg(call: &ast::ExprCall) -> ast::ExprCall {
    let mut c = call.clone();
    let rest: Vec<Expr> = c.arguments.args.iter().skip(1).cloned().collect();
    c.arguments.args = rest.into_boxed_slice();
    c
}
