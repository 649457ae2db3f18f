//! Calls: user functions, builtin functions and the methods of builtin types.
//!
//! Each builtin is checked against the contract's signature and lowered to
//! runtime calls, field loads or small expression trees.

use ruff_python_ast::{self as ast, Expr};
use ruff_text_size::{Ranged, TextRange};

use super::checker::{Checker, R, Reported};
use super::defs::{Binding, SeamName};
use super::values::to_float;
use crate::layout;
use crate::rt::{ExcKind, Rt};
use crate::tir::{self, BinaryOp, ExprKind, Type, UnaryOp};

/// Builtin functions the contract lists (for "is not a value" messages).
pub(super) fn is_builtin_function(name: &str) -> bool {
    matches!(
        name,
        "print"
            | "len"
            | "str"
            | "int"
            | "float"
            | "bool"
            | "list"
            | "range"
            | "isinstance"
            | "min"
            | "max"
            | "abs"
            | "ord"
            | "chr"
            | "sorted"
            | "repr"
            | "dict"
            | "set"
            | "enumerate"
            | "zip"
            | "reversed"
            | "sum"
            | "any"
            | "all"
            | "tuple"
            | "type"
            | "divmod"
            | "pow"
            | "round"
            | "hex"
            | "oct"
            | "bin"
            | "open"
            | "input"
            | "hash"
            | "format"
            | "ascii"
    )
}

/// `str(v)` for a checked value, with fast paths for the scalar types.
/// (An exception's `str` is its message: see [`Checker::stringify`].)
pub(super) fn to_str(v: tir::Expr) -> tir::Expr {
    match v.ty.clone() {
        Type::Str => v,
        Type::Int => tir::Expr::rt(Rt::StrFromInt, vec![v], Type::Str),
        Type::Float => tir::Expr::rt(Rt::StrFromFloat, vec![v], Type::Str),
        Type::Bool => tir::Expr::rt(Rt::StrFromBool, vec![v], Type::Str),
        t => tir::Expr::rt(Rt::StrOf, vec![v, tir::Expr::type_code(t)], Type::Str),
    }
}

/// A parameter slot of a builtin: its name and whether it must be given.
type Spec<'s> = &'s [(&'s str, bool)];

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
                                match &self.cx.interface_path {
                                    Some(path) if self.cx.module(m).file.is_none() => format!(
                                        "'{mname}.{attr}' is not an exported function of the core \
                                     (see its exports file '{path}'; mark it @export in the core)"
                                    ),
                                    _ => format!("module '{mname}' has no function '{attr}'"),
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
        slots: &[(&str, bool)],
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
                        slots[i].0, slots[j].0
                    ),
                ));
            }
        }
        Ok(bound)
    }

    /// Matches a call's arguments to named slots; returns the source expression per slot.
    pub(super) fn bind_slots<'e>(
        &mut self,
        c: &'e ast::ExprCall,
        fname: &str,
        slots: &[(&str, bool)],
    ) -> R<Vec<Option<&'e Expr>>> {
        let mut out: Vec<Option<&Expr>> = vec![None; slots.len()];
        if c.arguments.args.len() > slots.len() {
            return Err(self.error(
                c.range(),
                format!(
                    "{fname}() takes {} argument{} but {} were given",
                    slots.len(),
                    if slots.len() == 1 { "" } else { "s" },
                    c.arguments.args.len()
                ),
            ));
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
            let Some(i) = slots.iter().position(|(n, _)| *n == name.id.as_str()) else {
                return Err(self.error(
                    name.range,
                    format!("{fname}() got an unexpected keyword argument '{}'", name.id),
                ));
            };
            if out[i].is_some() {
                return Err(self.error(
                    name.range,
                    format!("{fname}() got multiple values for argument '{}'", name.id),
                ));
            }
            out[i] = Some(&kw.value);
        }
        for (i, (n, required)) in slots.iter().enumerate() {
            if *required && out[i].is_none() {
                return Err(self.error(
                    c.range(),
                    format!("{fname}() missing required argument '{n}'"),
                ));
            }
        }
        Ok(out)
    }

    fn user_call(&mut self, f: tir::FuncId, c: &ast::ExprCall) -> R<tir::Expr> {
        let Some(sig) = self.cx.func_sigs[f.0 as usize]
            .clone()
            .filter(|s| s.bad_params.is_empty())
        else {
            // The signature had errors, already reported: its calls cannot be checked.
            return Err(Reported);
        };
        let slots: Vec<(&str, bool)> = sig
            .params
            .iter()
            .map(|p| (p.name.as_str(), p.default.is_none()))
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
        // A default string literal was interned when the signature was checked.
        let call = tir::Expr::new(ExprKind::Call(f, args), sig.ret.clone());
        Ok(super::order::after(hoisted, call))
    }

    fn no_keywords(&mut self, c: &ast::ExprCall, fname: &str) -> R<()> {
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

    fn builtin_call(
        &mut self,
        name: &str,
        c: &ast::ExprCall,
        expected: Option<&Type>,
    ) -> R<tir::Expr> {
        if let Some(r) = self.collections_call(name, c, expected) {
            return r;
        }
        match name {
            "print" => self.print(c),
            "open" => self.open_file(c),
            "input" => self.input(c),
            "len" => {
                let [x] = self.positional(c, name, 1, 1)? else {
                    unreachable!()
                };
                let v = self.expr(x, None)?;
                self.len_of(v, x.range())
            }
            "str" => {
                let args = self.positional(c, name, 0, 1)?;
                match args {
                    [] => Ok(self.str_lit("")),
                    [x] => {
                        let v = self.expr(x, None)?;
                        Ok(self.stringify(v))
                    }
                    _ => unreachable!(),
                }
            }
            "hash" => {
                let [x] = self.positional(c, name, 1, 1)? else {
                    unreachable!()
                };
                let v = self.expr(x, None)?;
                self.hash_of(v, x.range())
            }
            "repr" => {
                let [x] = self.positional(c, name, 1, 1)? else {
                    unreachable!()
                };
                let v = self.expr(x, None)?;
                let t = v.ty.clone();
                Ok(tir::Expr::rt(
                    Rt::ReprOf,
                    vec![v, tir::Expr::type_code(t)],
                    Type::Str,
                ))
            }
            "int" => {
                let args = self.positional(c, name, 0, 1)?;
                let [x] = args else {
                    return Ok(tir::Expr::int(0));
                };
                let v = self.expr(x, None)?;
                Ok(match v.ty {
                    Type::Int => v,
                    Type::Str => tir::Expr::rt(Rt::IntFromStr, vec![v], Type::Int),
                    Type::Float => tir::Expr::rt(Rt::IntFromFloat, vec![v], Type::Int),
                    Type::Bool => tir::Expr::unary(UnaryOp::BoolToInt, v, Type::Int),
                    ref t => {
                        let t = t.clone();
                        return Err(self.not_narrowed_or(
                            x.range(),
                            &t,
                            "cannot be converted with int()",
                        ));
                    }
                })
            }
            "float" => {
                let args = self.positional(c, name, 0, 1)?;
                let [x] = args else {
                    return Ok(tir::Expr::new(ExprKind::Float(0.0), Type::Float));
                };
                let v = self.expr(x, None)?;
                Ok(match v.ty {
                    Type::Float => v,
                    Type::Int => to_float(v),
                    Type::Str => tir::Expr::rt(Rt::FloatFromStr, vec![v], Type::Float),
                    Type::Bool => to_float(tir::Expr::unary(UnaryOp::BoolToInt, v, Type::Int)),
                    ref t => {
                        let t = t.clone();
                        return Err(self.not_narrowed_or(
                            x.range(),
                            &t,
                            "cannot be converted with float()",
                        ));
                    }
                })
            }
            "bool" => {
                let args = self.positional(c, name, 0, 1)?;
                let [x] = args else {
                    return Ok(tir::Expr::bool(false));
                };
                let v = self.expr(x, None)?;
                self.truthy(v)
            }
            "list" => {
                let args = self.positional(c, name, 0, 1)?;
                let [x] = args else {
                    return match expected {
                        Some(Type::List(e)) => Ok(tir::Expr::rt(
                            Rt::ListNew,
                            vec![tir::Expr::bool(e.is_ref()), tir::Expr::int(0)],
                            Type::List(e.clone()),
                        )),
                        _ => Err(self.error(
                            c.range(),
                            "cannot infer the element type of list(): annotate the variable",
                        )),
                    };
                };
                let v = self.expr(x, None)?;
                self.list_of(v, x.range())
            }
            "dict" => {
                self.positional(c, name, 0, 0)?;
                match expected {
                    Some(Type::Dict(k, v)) => Ok(super::dunders::new_dict(k, v)),
                    _ => Err(self.error(
                        c.range(),
                        "cannot infer the type of dict(): annotate the variable",
                    )),
                }
            }
            "sorted" => {
                let b = self.bind_args(c, name, &[("iterable", true), ("reverse", false)])?;
                let x = b[0].expect("required");
                let v = self.expr(x, None)?;
                let l = self.list_of(v, x.range())?;
                let rev = match b[1] {
                    Some(r) => self.expr_as(r, &Type::Bool)?,
                    None => tir::Expr::bool(false),
                };
                self.sort_in_place_expr(l, rev, x.range())
            }
            "min" | "max" => self.min_max(name, c),
            "abs" => {
                let [x] = self.positional(c, name, 1, 1)? else {
                    unreachable!()
                };
                let v = self.expr(x, None)?;
                let ty = v.ty.clone();
                let (s, t) = self.bind_temp(v);
                let (cond, neg, zero) = match ty {
                    Type::Int => (
                        tir::Expr::binary(
                            BinaryOp::IntGe,
                            t.clone(),
                            tir::Expr::int(0),
                            Type::Bool,
                        ),
                        BinaryOp::IntSubChecked,
                        tir::Expr::int(0),
                    ),
                    Type::Float => {
                        let zero = tir::Expr::new(ExprKind::Float(0.0), Type::Float);
                        (
                            tir::Expr::binary(
                                BinaryOp::FloatGt,
                                t.clone(),
                                zero.clone(),
                                Type::Bool,
                            ),
                            BinaryOp::FloatSub,
                            zero,
                        )
                    }
                    other => return Err(self.not_narrowed_or(x.range(), &other, "has no abs()")),
                };
                let negated = tir::Expr::binary(neg, zero, t.clone(), ty.clone());
                Ok(block(
                    vec![s],
                    tir::Expr::new(
                        ExprKind::IfElse {
                            cond: Box::new(cond),
                            then: Box::new(t),
                            otherwise: Box::new(negated),
                        },
                        ty,
                    ),
                ))
            }
            "ord" => {
                let [x] = self.positional(c, name, 1, 1)? else {
                    unreachable!()
                };
                let v = self.expr_as(x, &Type::Str)?;
                Ok(tir::Expr::rt(Rt::Ord, vec![v], Type::Int))
            }
            "chr" => {
                let [x] = self.positional(c, name, 1, 1)? else {
                    unreachable!()
                };
                let v = self.expr_as(x, &Type::Int)?;
                Ok(tir::Expr::rt(Rt::Chr, vec![v], Type::Str))
            }
            "range" => Err(self.error(
                c.range(),
                "range() is only supported as the iterable of a 'for' loop",
            )),
            "divmod" | "pow" | "round" | "hex" | "oct" | "bin" => {
                self.numeric_builtin(name, c).expect("a numeric builtin")
            }
            "isinstance" => Ok(self.isinstance(c)?.0),
            "format" => self.format_builtin(c),
            "ascii" => self.ascii_builtin(c),
            other if ExcKind::from_name(other).is_some() => Err(self.error(
                c.range(),
                format!("'{other}(...)' can only be used in a 'raise' statement here"),
            )),
            other => Err(self.error(c.func.range(), format!("name '{other}' is not defined"))),
        }
    }

    /// `str(v)`: like [`to_str`], and an exception instance gives its message.
    pub(super) fn stringify(&mut self, v: tir::Expr) -> tir::Expr {
        // An exception's `str` (its `__str__`, message or arguments) is the runtime's to find.
        to_str(v)
    }

    /// Whether an expression is a plain name bound to a local variable.
    pub(super) fn is_local_name(&self, e: &Expr) -> bool {
        matches!(e, Expr::Name(n) if self.local_names.contains(n.id.as_str()))
    }

    /// `load_extension(path, space)`: the runtime loads and initialises the extension.
    fn load_extension(&mut self, c: &ast::ExprCall) -> R<tir::Expr> {
        let b = self.bind_args(c, "load_extension", &[("path", true), ("space", true)])?;
        let path = self.expr_as(b[0].expect("required"), &Type::Str)?;
        let space_ast = b[1].expect("required");
        let space = self.expr(space_ast, None)?;
        if !matches!(space.ty, Type::Instance(_)) {
            let t = space.ty.clone();
            return Err(self.not_narrowed_or(
                space_ast.range(),
                &t,
                "cannot be an extension's space (pass a class instance)",
            ));
        }
        Ok(tir::Expr::rt(
            Rt::LoadExtension,
            vec![path, space],
            Type::None,
        ))
    }

    pub(super) fn str_lit(&mut self, s: &str) -> tir::Expr {
        let id = self.cx.intern(s);
        tir::Expr::new(ExprKind::Str(id), Type::Str)
    }

    fn print(&mut self, c: &ast::ExprCall) -> R<tir::Expr> {
        let mut sep = None;
        let mut end = None;
        let mut file = None;
        let mut flush = None;
        for kw in &c.arguments.keywords {
            let Some(name) = &kw.arg else {
                return Err(self.error(kw.range, "'**' arguments are not supported"));
            };
            match name.id.as_str() {
                "sep" => sep = Some(&kw.value),
                "end" => end = Some(&kw.value),
                "file" => file = Some(&kw.value),
                "flush" => flush = Some(&kw.value),
                other => {
                    return Err(self.error(
                        name.range,
                        format!("print() got an unexpected keyword argument '{other}' (only sep, end, file and flush are supported)"),
                    ));
                }
            }
        }
        // Every argument is evaluated before anything is written, and converted
        // only when it is written, as in CPython: a later argument may change an
        // earlier one's value (`print(xs, f())` where `f` appends to `xs`).
        let mut stmts = Vec::new();
        let mut pieces = Vec::new();
        for a in c.arguments.args.iter() {
            if let Expr::Starred(s) = a {
                return Err(self.error(s.range, "'*' arguments are not supported"));
            }
            let v = self.expr(a, None)?;
            pieces.push(self.stable(v, &mut stmts));
        }
        let text = |this: &mut Self,
                    e: Option<&Expr>,
                    default: &str,
                    stmts: &mut Vec<tir::Stmt>|
         -> R<tir::Expr> {
            match e {
                None => Ok(this.str_lit(default)),
                Some(Expr::NoneLiteral(_)) => Ok(this.str_lit(default)),
                Some(e) => {
                    let v = this.expr_as(e, &Type::Str)?;
                    Ok(this.stable(v, stmts))
                }
            }
        };
        let sep = text(self, sep, " ", &mut stmts)?;
        let end = text(self, end, "\n", &mut stmts)?;
        let (file, flush) = self.print_file_flush(file, flush, &mut stmts)?;
        let write = |s: tir::Expr| {
            tir::Stmt::Expr(match &file {
                None => tir::Expr::rt(Rt::WriteStr, vec![s], Type::None),
                Some(f) => tir::Expr::rt(Rt::FileWrite, vec![f.clone(), s], Type::Int),
            })
        };
        for (i, p) in pieces.into_iter().enumerate() {
            if i > 0 {
                stmts.push(write(sep.clone()));
            }
            let text = self.stringify(p);
            stmts.push(write(text));
        }
        stmts.push(write(end));
        stmts.extend(flush);
        Ok(block(stmts, tir::Expr::none()))
    }

    /// A reader for `v` that may be evaluated later without re-running side effects.
    pub(super) fn stable(&mut self, v: tir::Expr, stmts: &mut Vec<tir::Stmt>) -> tir::Expr {
        match v.kind {
            ExprKind::Str(_) | ExprKind::Int(_) | ExprKind::Local(_) => v,
            _ => {
                let (s, t) = self.bind_temp(v);
                stmts.push(s);
                t
            }
        }
    }

    fn len_of(&mut self, v: tir::Expr, range: TextRange) -> R<tir::Expr> {
        Ok(match v.ty.clone() {
            Type::Str => tir::Expr::field(v, layout::STR_CHAR_LEN, Type::Int),
            Type::List(_) | Type::DictKeys(_) | Type::DictValues(_) | Type::DictItems(..) => {
                tir::Expr::field(v, layout::LIST_LEN, Type::Int)
            }
            Type::Dict(..) => tir::Expr::field(v, layout::DICT_LEN, Type::Int),
            Type::Set(_) => Self::set_len(v),
            Type::Tuple(ts) => block(vec![tir::Stmt::Expr(v)], tir::Expr::int(ts.len() as i64)),
            Type::VarTuple(_) => tir::Expr::field(v, layout::TUPLE_LEN, Type::Int),
            Type::Instance(c) => return self.instance_len(v, c, range),
            other => return Err(self.not_narrowed_or(range, &other, "has no len()")),
        })
    }

    /// `list(v)`: a new list of the elements of a list, str, dict (keys) or dict view.
    pub(super) fn list_of(&mut self, v: tir::Expr, range: TextRange) -> R<tir::Expr> {
        Ok(match v.ty.clone() {
            Type::List(e) | Type::DictKeys(e) | Type::DictValues(e) => {
                tir::Expr::rt(Rt::ListCopy, vec![v], Type::List(e))
            }
            Type::DictItems(k, val) => tir::Expr::rt(
                Rt::ListCopy,
                vec![v],
                Type::List(Box::new(Type::Tuple(vec![*k, *val]))),
            ),
            Type::Str => tir::Expr::rt(Rt::ListFromStr, vec![v], Type::List(Box::new(Type::Str))),
            Type::Dict(k, _) => tir::Expr::rt(Rt::DictKeys, vec![v], Type::List(k)),
            Type::Set(e) => tir::Expr::rt(Rt::SetToList, vec![v], Type::List(e)),
            Type::VarTuple(_) => super::values::to_list(v),
            other => {
                return Err(self.not_narrowed_or(range, &other, "cannot be converted with list()"));
            }
        })
    }

    /// Sorts a fresh list in place and yields it.
    pub(super) fn sort_in_place_expr(
        &mut self,
        l: tir::Expr,
        reverse: tir::Expr,
        range: TextRange,
    ) -> R<tir::Expr> {
        let Type::List(e) = l.ty.clone() else {
            unreachable!("to_list gives a list")
        };
        self.check_orderable(&e, range)?;
        let (s, t) = self.bind_temp(l);
        let sort = tir::Expr::rt(
            Rt::ListSort,
            vec![t.clone(), tir::Expr::type_code(*e), reverse],
            Type::None,
        );
        Ok(block(vec![s, tir::Stmt::Expr(sort)], t))
    }

    pub(super) fn check_orderable(&mut self, e: &Type, range: TextRange) -> R<()> {
        if let Type::Instance(c) = e {
            if self.instances_orderable(*c, "__lt__") || self.instances_orderable(*c, "__gt__") {
                return Ok(());
            }
            return Err(self.error(
                range,
                format!(
                    "instances of {} cannot be ordered: define __lt__(self, other: {}) -> bool",
                    self.type_name(e),
                    self.type_name(e)
                ),
            ));
        }
        fn ok(t: &Type) -> bool {
            match t {
                Type::Int | Type::Float | Type::Str | Type::Bool => true,
                Type::List(e) | Type::VarTuple(e) => ok(e),
                Type::Tuple(ts) => ts.iter().all(ok),
                _ => false,
            }
        }
        if ok(e) {
            Ok(())
        } else {
            Err(self.error(
                range,
                format!("values of type {} cannot be ordered", self.type_name(e)),
            ))
        }
    }

    fn min_max(&mut self, name: &str, c: &ast::ExprCall) -> R<tir::Expr> {
        self.no_keywords(c, name)?;
        let args = &c.arguments.args;
        if args.is_empty() {
            return Err(self.error(
                c.range(),
                format!("{name}() expected at least 1 argument, got 0"),
            ));
        }
        if args.len() == 1 {
            let v = self.expr(&args[0], None)?;
            let l = match v.ty {
                Type::List(_) | Type::DictKeys(_) | Type::DictValues(_) => v,
                Type::Str | Type::Dict(..) | Type::Set(_) | Type::VarTuple(_) => {
                    self.list_of(v, args[0].range())?
                }
                ref other => {
                    let other = other.clone();
                    return Err(self.not_narrowed_or(args[0].range(), &other, "is not iterable"));
                }
            };
            let (Type::List(e) | Type::DictKeys(e) | Type::DictValues(e)) = l.ty.clone() else {
                unreachable!()
            };
            self.check_orderable(&e, args[0].range())?;
            let rt = if name == "min" {
                Rt::ListMin
            } else {
                Rt::ListMax
            };
            return Ok(tir::Expr::rt(
                rt,
                vec![l, tir::Expr::type_code((*e).clone())],
                *e,
            ));
        }
        let mut stmts = Vec::new();
        let mut vals = Vec::new();
        for a in args.iter() {
            let v = self.expr(a, None)?;
            vals.push((self.stable(v, &mut stmts), a.range()));
        }
        let ty = vals[0].0.ty.clone();
        for (v, r) in &vals {
            if v.ty != ty {
                return Err(self.error(
                    *r,
                    format!(
                        "{name}() arguments must all have one type: {} and {}",
                        self.type_name(&ty),
                        self.type_name(&v.ty)
                    ),
                ));
            }
        }
        self.check_orderable(&ty, c.range())?;
        // CPython keeps the first of equal candidates: replace only on a strict improvement.
        let mut best = vals[0].0.clone();
        for (v, _) in vals.into_iter().skip(1) {
            let (s, b) = self.bind_temp(best);
            stmts.push(s);
            let better = if matches!(ty, Type::Instance(_)) {
                // CPython asks `item < best` for min and `item > best` for max.
                let op = if name == "min" { 2 } else { 4 };
                tir::Expr::rt(
                    Rt::InstanceCmp,
                    vec![v.clone(), b.clone(), tir::Expr::int(op)],
                    Type::Bool,
                )
            } else {
                self.less(if name == "min" {
                    (v.clone(), b.clone())
                } else {
                    (b.clone(), v.clone())
                })?
            };
            best = tir::Expr::new(
                ExprKind::IfElse {
                    cond: Box::new(better),
                    then: Box::new(v),
                    otherwise: Box::new(b),
                },
                ty.clone(),
            );
        }
        Ok(block(stmts, best))
    }

    /// `a < b` for two values of one orderable type.
    fn less(&mut self, (a, b): (tir::Expr, tir::Expr)) -> R<tir::Expr> {
        Ok(match a.ty.clone() {
            Type::Int => tir::Expr::binary(BinaryOp::IntLt, a, b, Type::Bool),
            Type::Float => tir::Expr::binary(BinaryOp::FloatLt, a, b, Type::Bool),
            Type::Str => tir::Expr::binary(
                BinaryOp::IntLt,
                tir::Expr::rt(Rt::StrCmp, vec![a, b], Type::Int),
                tir::Expr::int(0),
                Type::Bool,
            ),
            t => tir::Expr::rt(
                Rt::Order,
                vec![a, b, tir::Expr::type_code(t), tir::Expr::int(0)],
                Type::Bool,
            ),
        })
    }

    pub(super) fn method_call(
        &mut self,
        recv: tir::Expr,
        a: &ast::ExprAttribute,
        c: &ast::ExprCall,
    ) -> R<tir::Expr> {
        let m = a.attr.id.as_str();
        match recv.ty.clone() {
            Type::Str => self.str_method(recv, m, a, c),
            Type::List(e) => self.list_method(recv, *e, m, a, c),
            Type::Dict(k, v) => self.dict_method(recv, *k, *v, m, a, c),
            Type::Set(e) => self.set_method(recv, *e, m, a, c),
            Type::VarTuple(e) if m == "count" => {
                let l = super::values::to_list(recv);
                let b = self.bind_args(c, "tuple.count", &[("value", true)])?;
                let v = self.expr_as(b[0].expect("required"), &e)?;
                let tc = tir::Expr::type_code(*e);
                Ok(tir::Expr::rt(Rt::ListCount, vec![l, v, tc], Type::Int))
            }
            Type::Instance(cid) => self.instance_method_call(recv, cid, a, c),
            Type::File => self.file_method(recv, a, c),
            other => Err(match other {
                Type::Optional(_) => self.not_narrowed_or(a.value.range(), &other, ""),
                _ => self.error(
                    a.attr.range,
                    format!("{} has no method '{m}'", self.type_name(&other)),
                ),
            }),
        }
    }

    fn args_as(&mut self, bound: &[Option<&Expr>], types: &[Type]) -> R<Vec<Option<tir::Expr>>> {
        bound
            .iter()
            .zip(types)
            .map(|(b, t)| b.map(|e| self.expr_as(e, t)).transpose())
            .collect()
    }

    fn str_method(
        &mut self,
        s: tir::Expr,
        m: &str,
        a: &ast::ExprAttribute,
        c: &ast::ExprCall,
    ) -> R<tir::Expr> {
        if m == "format" {
            return self.str_format_call(&a.value, c);
        }
        if let Some(r) = self.str_method_more(&s, m, c) {
            return r;
        }
        let fname = format!("str.{m}");
        let one_str = |rt: Rt, ret: Type| (rt, ret);
        let (spec, rt, ret): (Spec<'_>, Rt, Type) = match m {
            "startswith" => (&[("prefix", true)], Rt::StrStartswith, Type::Bool),
            "endswith" => (&[("suffix", true)], Rt::StrEndswith, Type::Bool),
            "find" => (&[("sub", true)], Rt::StrFind, Type::Int),
            "upper" | "lower" | "isdigit" | "isalpha" | "isspace" | "islower" | "isupper" => {
                let (rt, ret) = match m {
                    "upper" => one_str(Rt::StrUpper, Type::Str),
                    "lower" => one_str(Rt::StrLower, Type::Str),
                    "isdigit" => one_str(Rt::StrIsdigit, Type::Bool),
                    "isalpha" => one_str(Rt::StrIsalpha, Type::Bool),
                    "isspace" => one_str(Rt::StrIsspace, Type::Bool),
                    "islower" => one_str(Rt::StrIslower, Type::Bool),
                    _ => one_str(Rt::StrIsupper, Type::Bool),
                };
                (&[], rt, ret)
            }
            "strip" | "lstrip" | "rstrip" => {
                let rt = match m {
                    "strip" => Rt::StrStrip,
                    "lstrip" => Rt::StrLstrip,
                    _ => Rt::StrRstrip,
                };
                let b = self.bind_args(c, &fname, &[("chars", false)])?;
                let chars = self.optional_str_arg(b[0])?;
                return Ok(tir::Expr::rt(rt, vec![s, chars], Type::Str));
            }
            "split" => {
                let b = self.bind_args(c, &fname, &[("sep", false), ("maxsplit", false)])?;
                let sep = self.optional_str_arg(b[0])?;
                let max = match b[1] {
                    Some(e) => self.expr_as(e, &Type::Int)?,
                    None => tir::Expr::int(-1),
                };
                return Ok(tir::Expr::rt(
                    Rt::StrSplit,
                    vec![s, sep, max],
                    Type::List(Box::new(Type::Str)),
                ));
            }
            "join" => {
                if let Some(r) = self.join_generator(&s, c) {
                    return r;
                }
                let b = self.bind_args(c, &fname, &[("iterable", true)])?;
                let x = b[0].expect("required");
                let v = self.expr(x, Some(&Type::List(Box::new(Type::Str))))?;
                let v = match &v.ty {
                    Type::List(e) | Type::DictKeys(e) | Type::DictValues(e) if **e == Type::Str => {
                        v
                    }
                    Type::VarTuple(e) if **e == Type::Str => super::values::to_list(v),
                    _ => {
                        let t = v.ty.clone();
                        return Err(self.error(
                            x.range(),
                            format!(
                                "str.join() needs a list[str] or tuple[str, ...], found {}",
                                self.type_name(&t)
                            ),
                        ));
                    }
                };
                return Ok(tir::Expr::rt(Rt::StrJoin, vec![s, v], Type::Str));
            }
            "replace" => (&[("old", true), ("new", true)], Rt::StrReplace, Type::Str),
            _ => {
                return Err(self.error(
                    a.attr.range,
                    format!("str has no method '{m}' (see the contract for the supported methods)"),
                ));
            }
        };
        let b = self.bind_args(c, &fname, spec)?;
        let types = vec![Type::Str; spec.len()];
        let args = self.args_as(&b, &types)?;
        let mut all = vec![s];
        all.extend(args.into_iter().map(|a| a.expect("all required")));
        Ok(tir::Expr::rt(rt, all, ret))
    }

    fn optional_str_arg(&mut self, e: Option<&Expr>) -> R<tir::Expr> {
        let none = tir::Expr::new(ExprKind::None, Type::Optional(Box::new(Type::Str)));
        match e {
            None | Some(Expr::NoneLiteral(_)) => Ok(none),
            Some(e) => {
                let v = self.expr(e, None)?;
                self.coerce(v, &Type::Optional(Box::new(Type::Str)), e.range())
            }
        }
    }

    fn list_method(
        &mut self,
        l: tir::Expr,
        e: Type,
        m: &str,
        a: &ast::ExprAttribute,
        c: &ast::ExprCall,
    ) -> R<tir::Expr> {
        let fname = format!("list.{m}");
        let lt = l.ty.clone();
        let none = Type::None;
        Ok(match m {
            "append" => {
                let b = self.bind_args(c, &fname, &[("object", true)])?;
                let v = self.expr_as(b[0].expect("required"), &e)?;
                tir::Expr::rt(Rt::ListAppend, vec![l, v], none)
            }
            "pop" => {
                let b = self.bind_args(c, &fname, &[("index", false)])?;
                let i = match b[0] {
                    Some(x) => self.expr_as(x, &Type::Int)?,
                    None => tir::Expr::int(-1),
                };
                tir::Expr::rt(Rt::ListPop, vec![l, i], e)
            }
            "insert" => {
                let b = self.bind_args(c, &fname, &[("index", true), ("object", true)])?;
                let i = self.expr_as(b[0].expect("required"), &Type::Int)?;
                let v = self.expr_as(b[1].expect("required"), &e)?;
                tir::Expr::rt(Rt::ListInsert, vec![l, i, v], none)
            }
            "extend" => {
                let b = self.bind_args(c, &fname, &[("iterable", true)])?;
                let x = b[0].expect("required");
                let v = self.expr(x, Some(&lt))?;
                let v = match &v.ty {
                    Type::List(t) | Type::DictKeys(t) | Type::DictValues(t) if **t == e => v,
                    _ => self.coerce(v, &lt, x.range())?,
                };
                tir::Expr::rt(Rt::ListExtend, vec![l, v], none)
            }
            "index" => {
                let b = self.bind_args(c, &fname, &[("value", true)])?;
                let v = self.expr_as(b[0].expect("required"), &e)?;
                tir::Expr::rt(
                    Rt::ListIndex,
                    vec![l, v, tir::Expr::type_code(e)],
                    Type::Int,
                )
            }
            "sort" => {
                let b = self.bind_args(c, &fname, &[("reverse", false)])?;
                let rev = match b[0] {
                    Some(x) => self.expr_as(x, &Type::Bool)?,
                    None => tir::Expr::bool(false),
                };
                self.check_orderable(&e, c.range())?;
                tir::Expr::rt(Rt::ListSort, vec![l, tir::Expr::type_code(e), rev], none)
            }
            "reverse" => {
                self.bind_args(c, &fname, &[])?;
                tir::Expr::rt(Rt::ListReverse, vec![l], none)
            }
            "copy" => {
                self.bind_args(c, &fname, &[])?;
                tir::Expr::rt(Rt::ListCopy, vec![l], lt)
            }
            _ if let Some(r) = self.list_method_more(&l, &e, m, c) => r?,
            _ => {
                return Err(self.error(
                    a.attr.range,
                    format!(
                        "list has no method '{m}' (see the contract for the supported methods)"
                    ),
                ));
            }
        })
    }

    fn dict_method(
        &mut self,
        d: tir::Expr,
        k: Type,
        v: Type,
        m: &str,
        a: &ast::ExprAttribute,
        c: &ast::ExprCall,
    ) -> R<tir::Expr> {
        let fname = format!("dict.{m}");
        let dt = d.ty.clone();
        Ok(match m {
            "get" => {
                let b = self.bind_args(c, &fname, &[("key", true), ("default", false)])?;
                let key = self.expr_as(b[0].expect("required"), &k)?;
                match b[1] {
                    Some(x) if !matches!(x, Expr::NoneLiteral(_)) => {
                        let def = self.expr_as(x, &v)?;
                        tir::Expr::rt(Rt::DictGet, vec![d, key, def], v)
                    }
                    _ => {
                        if !v.is_ref() {
                            return Ok(self.dict_get_boxed(d, key, v));
                        }
                        let opt = match v {
                            Type::Optional(_) => v,
                            v => Type::Optional(Box::new(v)),
                        };
                        let none = tir::Expr::new(ExprKind::None, opt.clone());
                        tir::Expr::rt(Rt::DictGet, vec![d, key, none], opt)
                    }
                }
            }
            "keys" => {
                self.bind_args(c, &fname, &[])?;
                tir::Expr::rt(Rt::DictKeys, vec![d], Type::DictKeys(Box::new(k)))
            }
            "values" => {
                self.bind_args(c, &fname, &[])?;
                tir::Expr::rt(Rt::DictValues, vec![d], Type::DictValues(Box::new(v)))
            }
            "items" => {
                self.bind_args(c, &fname, &[])?;
                let mask = Type::tuple_ref_mask(&[k.clone(), v.clone()]);
                tir::Expr::rt(
                    Rt::DictItems,
                    vec![d, tir::Expr::int(mask)],
                    Type::DictItems(Box::new(k), Box::new(v)),
                )
            }
            "pop" => {
                let b = self.bind_args(c, &fname, &[("key", true), ("default", false)])?;
                let key = self.expr_as(b[0].expect("required"), &k)?;
                match b[1] {
                    Some(x) => {
                        let def = self.expr_as(x, &v)?;
                        tir::Expr::rt(Rt::DictPopDefault, vec![d, key, def], v)
                    }
                    None => tir::Expr::rt(Rt::DictPop, vec![d, key], v),
                }
            }
            "setdefault" => {
                let b = self.bind_args(c, &fname, &[("key", true), ("default", true)])?;
                let key = self.expr_as(b[0].expect("required"), &k)?;
                let def = self.expr_as(b[1].expect("required"), &v)?;
                tir::Expr::rt(Rt::DictSetdefault, vec![d, key, def], v)
            }
            "copy" => {
                self.bind_args(c, &fname, &[])?;
                tir::Expr::rt(Rt::DictCopy, vec![d], dt)
            }
            _ if let Some(r) = self.dict_method_more(&d, &k, &v, m, c) => r?,
            _ => {
                return Err(self.error(
                    a.attr.range,
                    format!(
                        "dict has no method '{m}' (see the contract for the supported methods)"
                    ),
                ));
            }
        })
    }
}

fn block(stmts: Vec<tir::Stmt>, e: tir::Expr) -> tir::Expr {
    if stmts.is_empty() {
        return e;
    }
    let ty = e.ty.clone();
    tir::Expr::new(ExprKind::Block(stmts, Box::new(e)), ty)
}
