//! Checking expressions and lowering them to TIR: literals, names, module
//! attributes, f-strings, subscripts, list and dict displays, and the
//! conversions the language allows between types (`coerce`, `unify`).
//! Operators are in `operators.rs`; calls go to the modules of what is called.

use ruff_python_ast::{self as ast, Expr, Operator};
use ruff_text_size::{Ranged, TextRange};

use super::checker::{Checker, R, Reported};
use super::defs::{Binding, ModId};
use super::flow::NarrowKey;
use super::rules::Item;
use crate::rt::Rt;
use crate::tir::{self, ExprKind, Type};

impl<'c, 'a> Checker<'c, 'a> {
    /// Checks an expression and converts it to `ty`.
    pub(super) fn expr_as(&mut self, e: &Expr, ty: &Type) -> R<tir::Expr> {
        let v = self.expr(e, Some(ty))?;
        self.coerce(v, ty, e.range())
    }

    /// Converts a value to `target` where the language allows it, or reports why not.
    pub(super) fn coerce(&mut self, v: tir::Expr, target: &Type, range: TextRange) -> R<tir::Expr> {
        if v.ty == *target {
            return Ok(v);
        }
        if let Some(v) = self.coerce_callable(&v, target) {
            return Ok(v);
        }
        match (target, &v.ty) {
            (Type::Optional(inner), t) if **inner == *t => Ok(super::optional::to_optional(v, target)),
            (Type::VarTuple(elem), Type::Tuple(_) | Type::VarTuple(_)) => {
                if let ExprKind::Tuple(items) = v.kind {
                    // A display: each element converts as it would on its own.
                    let items = items
                        .into_iter()
                        .map(|item| self.coerce(item, elem, range))
                        .collect::<R<Vec<_>>>()?;
                    return Ok(tir::Expr::new(ExprKind::Tuple(items), target.clone()));
                }
                match self.coerce_var_tuple(&v, elem) {
                    Some(v) => Ok(v),
                    None => Err(self.error(
                        range,
                        format!("expected {}, found {}", self.type_name(target), self.type_name(&v.ty)),
                    )),
                }
            }
            // Upcasts: an instance of a subclass is an instance of its bases.
            (Type::Instance(b), Type::Instance(s)) if self.cx.is_subclass(*s, *b) => Ok(tir::Expr::new(v.kind, target.clone())),
            (Type::Optional(inner), Type::Instance(s)) if matches!(**inner, Type::Instance(b) if self.cx.is_subclass(*s, b)) => {
                Ok(tir::Expr::new(v.kind, target.clone()))
            }
            (Type::Optional(inner), Type::Optional(src))
                if matches!((&**inner, &**src), (Type::Instance(b), Type::Instance(s)) if self.cx.is_subclass(*s, *b)) =>
            {
                Ok(tir::Expr::new(v.kind, target.clone()))
            }
            // `object` holds any instance, or None.
            (Type::Object, Type::Instance(_) | Type::Optional(_))
                if is_instance_like(&v.ty) =>
            {
                Ok(tir::Expr::new(v.kind, target.clone()))
            }
            (Type::Object, Type::None) if matches!(v.kind, ExprKind::None) => {
                Ok(tir::Expr::new(ExprKind::None, target.clone()))
            }
            (Type::Object, _) => Err(self.error(
                range,
                format!(
                    "expected object (a class instance or None), found {}",
                    self.type_name(&v.ty)
                ),
            )),
            (Type::Optional(_), Type::None) if matches!(v.kind, ExprKind::None) => {
                Ok(tir::Expr::new(ExprKind::None, target.clone()))
            }
            (t, Type::Optional(inner)) if **inner == *t => Err(self.error(
                range,
                format!(
                    "expected {}, found {} (it may be None: narrow it first, e.g. 'if x is not None:')",
                    self.type_name(target),
                    self.type_name(&v.ty)
                ),
            )),
            (Type::Float, Type::Int) => Err(self.error(
                range,
                "expected float, found int (no implicit conversion: use float(x))",
            )),
            _ => Err(self.error(
                range,
                format!("expected {}, found {}", self.type_name(target), self.type_name(&v.ty)),
            )),
        }
    }

    pub(super) fn expr(&mut self, e: &Expr, expected: Option<&Type>) -> R<tir::Expr> {
        self.enter(e.range())?;
        let r = self.expr_inner(e, expected);
        self.depth -= 1;
        let v = r?;
        self.refuse_generic_op_here(&v, e.range())?;
        Ok(v)
    }

    pub(super) fn expr_inner(&mut self, e: &Expr, expected: Option<&Type>) -> R<tir::Expr> {
        match e {
            Expr::NumberLiteral(n) => match &n.value {
                ast::Number::Int(i) => match i.as_i64() {
                    Some(v) => Ok(tir::Expr::int(v)),
                    None => Err(self.error(n.range, "integer literal does not fit in 64 bits")),
                },
                ast::Number::Float(f) => Ok(tir::Expr::new(ExprKind::Float(*f), Type::Float)),
                ast::Number::Complex { .. } => {
                    Err(self.error(n.range, "complex numbers are not supported"))
                }
            },
            Expr::StringLiteral(s) => {
                let id = self.cx.intern(s.value.to_str());
                Ok(tir::Expr::new(ExprKind::Str(id), Type::Str))
            }
            Expr::BytesLiteral(b) => Err(self.error(b.range, "bytes are not supported")),
            Expr::BooleanLiteral(b) => Ok(tir::Expr::bool(b.value)),
            Expr::NoneLiteral(_) => Ok(tir::Expr::new(ExprKind::None, Type::None)),
            Expr::FString(f) => self.fstring(f),
            Expr::Name(n) => match self.function_named(e) {
                Some(f) => self.function_value(f, n.range, expected),
                None => self.name(n),
            },
            Expr::BinOp(b) if b.op == Operator::Mod && !is_empty_display(&b.left) => {
                let l = self.expr(&b.left, None)?;
                if l.ty == Type::Str {
                    return self.str_percent(&b.left, l, &b.right, b.range);
                }
                let r = self.expr(&b.right, None)?;
                self.binary(b.op, l, r, b.range)
            }
            Expr::BinOp(b) => {
                let (l, r) = if is_empty_display(&b.left) {
                    let r = self.expr(&b.right, None)?;
                    let t = matches!(r.ty, Type::List(_)).then(|| r.ty.clone());
                    (self.expr(&b.left, t.as_ref())?, r)
                } else {
                    let l = self.expr(&b.left, None)?;
                    let t = matches!(l.ty, Type::List(_)).then(|| l.ty.clone());
                    (l, self.expr(&b.right, t.as_ref())?)
                };
                self.binary(b.op, l, r, b.range)
            }
            Expr::UnaryOp(u) => self.unary(u),
            Expr::BoolOp(b) => self.bool_op(e, b, expected),
            Expr::Compare(c) => self.compare(c),
            Expr::If(i) => {
                let (cond, yes, no) = self.cond(&i.test)?;
                let saved = self.flow.narrowed.clone();
                self.apply(&yes);
                let a = self.expr(&i.body, expected);
                self.flow.narrowed = saved.clone();
                self.apply(&no);
                let b = self.expr(&i.orelse, expected);
                self.flow.narrowed = saved;
                let (a, b) = (a?, b?);
                let ty = self.unify(&a.ty, &b.ty, expected, i.range)?;
                let a = self.coerce(a, &ty, i.body.range())?;
                let b = self.coerce(b, &ty, i.orelse.range())?;
                Ok(tir::Expr::new(
                    ExprKind::IfElse {
                        cond: Box::new(cond),
                        then: Box::new(a),
                        otherwise: Box::new(b),
                    },
                    ty,
                ))
            }
            Expr::Call(c) => self.call(c, expected),
            Expr::Attribute(a) => {
                if let Some(r) = self.type_name_attr(a) {
                    return r;
                }
                if let Some(stream) = self.sys_attr(a) {
                    return stream;
                }
                if let Ok(g) = self.module_global_attr_quiet(a) {
                    let ty = self.cx.program.globals[g.0 as usize].ty.clone();
                    return Ok(tir::Expr::new(ExprKind::Global(g), ty));
                }
                if let Some(f) = self.function_named(e) {
                    return self.function_value(f, a.range, expected);
                }
                if !self.is_local_name(&a.value)
                    && let Some(c) = self.cx.class_named(self.module, &a.value)
                {
                    return self.class_attr(c, &a.attr);
                }
                let base = self.expr(&a.value, None)?;
                self.attribute_on(e, a, base, expected)
            }
            Expr::Subscript(s) => self.subscript(s),
            Expr::List(l) => self.list_display(&l.elts, expected, l.range),
            Expr::Tuple(t) => {
                let expected_elems = match expected {
                    Some(Type::Tuple(ts)) if ts.len() == t.elts.len() => Some(ts.clone()),
                    Some(Type::VarTuple(e)) => Some(vec![(**e).clone(); t.elts.len()]),
                    _ => None,
                };
                if t.elts.is_empty() {
                    // `()` is a tuple[T, ...] of no elements where one is expected.
                    return match expected {
                        Some(ty @ Type::VarTuple(_)) => {
                            Ok(tir::Expr::new(ExprKind::Tuple(vec![]), ty.clone()))
                        }
                        _ => Err(self.error(
                            t.range,
                            "an empty tuple needs a known type: annotate it (t: tuple[int, ...] = ())",
                        )),
                    };
                }
                if t.elts.len() > crate::layout::TUPLE_MAX_LEN {
                    return Err(self.error(t.range, "a tuple may have at most 64 elements"));
                }
                let mut elems = Vec::new();
                for (i, el) in t.elts.iter().enumerate() {
                    let v = match &expected_elems {
                        Some(ts) => self.expr_as(el, &ts[i])?,
                        None => self.expr(el, None)?,
                    };
                    elems.push(v);
                }
                let ty = Type::Tuple(elems.iter().map(|e| e.ty.clone()).collect());
                Ok(tir::Expr::new(ExprKind::Tuple(elems), ty))
            }
            Expr::Dict(d) => self.dict_display(d, expected),
            Expr::Set(_)
            | Expr::ListComp(_)
            | Expr::SetComp(_)
            | Expr::DictComp(_)
            | Expr::Generator(_) => self.comprehension_expr(e, expected),
            Expr::Lambda(l) => {
                Err(self.error(l.range, "lambda is not supported: define a function"))
            }
            Expr::Named(n) => Err(self.error(n.range, "':=' is not supported")),
            Expr::Await(a) => Err(self.error(a.range, "'await' is not supported")),
            Expr::Yield(y) => Err(self.error(y.range, "'yield' is not supported")),
            Expr::YieldFrom(y) => Err(self.error(y.range, "'yield from' is not supported")),
            Expr::TString(t) => Err(self.error(t.range, "template strings are not supported")),
            Expr::EllipsisLiteral(x) => Err(self.error(x.range, "'...' is not supported here")),
            Expr::Starred(s) => Err(self.error(s.range, "'*' unpacking is not supported")),
            Expr::Slice(s) => Err(self.error(s.range, "a slice is only allowed inside '[...]'")),
            Expr::IpyEscapeCommand(i) => Err(self.error(i.range, "not Python syntax")),
        }
    }

    /// The common type of two branches (conditional expressions, `or`).
    pub(super) fn unify(
        &mut self,
        a: &Type,
        b: &Type,
        expected: Option<&Type>,
        range: TextRange,
    ) -> R<Type> {
        if let Some(t) = expected
            && (t == a || matches!(t, Type::Optional(_)))
        {
            return Ok(t.clone());
        }
        let base = |x: &Type, y: &Type| -> Option<Type> {
            match (x, y) {
                (Type::Instance(p), Type::Instance(q)) => {
                    self.cx.common_base(*p, *q).map(Type::Instance)
                }
                _ => None,
            }
        };
        if let Some(t) = base(a, b) {
            return Ok(t);
        }
        if let (Type::Optional(p), q) | (q, Type::Optional(p)) = (a, b)
            && let Some(t) = base(
                p,
                match q {
                    Type::Optional(q) => q,
                    q => q,
                },
            )
        {
            return Ok(Type::Optional(Box::new(t)));
        }
        Ok(match (a, b) {
            _ if a == b => a.clone(),
            (Type::None, t) | (t, Type::None) if t != &Type::None => match t {
                Type::Optional(_) => t.clone(),
                t => Type::Optional(Box::new(t.clone())),
            },
            (Type::Optional(i), t) | (t, Type::Optional(i)) if **i == *t => {
                Type::Optional(i.clone())
            }
            _ => {
                return Err(self.error(
                    range,
                    format!(
                        "the two sides have different types: {} and {}",
                        self.type_name(a),
                        self.type_name(b)
                    ),
                ));
            }
        })
    }

    pub(super) fn name(&mut self, n: &ast::ExprName) -> R<tir::Expr> {
        let name = n.id.as_str();
        if self.poisoned.contains(name) {
            return Err(Reported);
        }
        if self.local_names.contains(name) {
            return match self.names.get(name) {
                Some(&id) if self.flow.is_assigned(id) => {
                    let declared = self.locals[id.0 as usize].ty.clone();
                    Ok(
                        match self.flow.narrowed.get(&NarrowKey::local(id)).cloned() {
                            Some(ty) => {
                                super::optional::narrow_value(tir::Expr::local(id, declared), ty)
                            }
                            None => tir::Expr::local(id, declared),
                        },
                    )
                }
                _ => Err(self.error(
                    n.range,
                    format!("local variable '{name}' may be used before it is assigned"),
                )),
            };
        }
        match self.cx.module(self.module).scope.get(name).cloned() {
            Some(Binding::Global(g)) if self.cx.untyped_globals.contains(&g) => Err(Reported),
            Some(Binding::Global(g)) => {
                let ty = self.cx.program.globals[g.0 as usize].ty.clone();
                Ok(tir::Expr::new(ExprKind::Global(g), ty))
            }
            Some(Binding::Function(_)) => Err(self.error(
                n.range,
                format!("function '{name}' is not a value: call it"),
            )),
            Some(Binding::Module(_) | Binding::SeamModule | Binding::TypingModule) => {
                Err(self.error(n.range, format!("module '{name}' is not a value")))
            }
            Some(Binding::Poisoned) => Err(Reported),
            Some(_) => Err(self.error(n.range, format!("'{name}' is not a value"))),
            None => {
                if super::builtins::is_builtin_function(name) {
                    Err(self.error(n.range, format!("builtin '{name}' is not a value: call it")))
                } else {
                    Err(self.error(n.range, format!("name '{name}' is not defined")))
                }
            }
        }
    }

    /// The module a dotted expression (`m`, `pkg.mod`) names, if it names one.
    pub(super) fn module_of(&self, e: &Expr) -> Option<ModId> {
        match e {
            Expr::Name(n) => {
                if self.local_names.contains(n.id.as_str()) {
                    return None;
                }
                match self.cx.module(self.module).scope.get(n.id.as_str()) {
                    Some(Binding::Module(m)) => Some(*m),
                    _ => None,
                }
            }
            Expr::Attribute(a) => {
                let m = self.module_of(&a.value)?;
                match self.cx.module(m).scope.get(a.attr.id.as_str()) {
                    Some(Binding::Module(sub)) => Some(*sub),
                    _ => None,
                }
            }
            _ => None,
        }
    }

    pub(super) fn module_global_attr_quiet(
        &self,
        a: &ast::ExprAttribute,
    ) -> Result<tir::GlobalId, ()> {
        let m = self.module_of(&a.value).ok_or(())?;
        match self.cx.module(m).scope.get(a.attr.id.as_str()) {
            Some(Binding::Global(g)) => Ok(*g),
            _ => Err(()),
        }
    }

    pub(super) fn module_global_attr(&mut self, a: &ast::ExprAttribute) -> R<tir::GlobalId> {
        match self.module_global_attr_quiet(a) {
            Ok(g) if self.cx.untyped_globals.contains(&g) => Err(Reported),
            Ok(g) => Ok(g),
            Err(()) => match self.module_of(&a.value) {
                Some(m) => {
                    let mname = self.cx.module(m).name.clone();
                    Err(self.error(
                        a.attr.range,
                        match self.cx.not_exported(m, Item::Global, a.attr.id.as_str()) {
                            Some(message) => message,
                            None => format!("module '{mname}' has no global '{}'", a.attr.id),
                        },
                    ))
                }
                None => Err(self.error(a.range, "cannot assign to an attribute here")),
            },
        }
    }

    pub(super) fn fstring(&mut self, f: &ast::ExprFString) -> R<tir::Expr> {
        let mut parts: Vec<tir::Expr> = Vec::new();
        for part in f.value.iter() {
            match part {
                ast::FStringPart::Literal(lit) => {
                    let id = self.cx.intern(&lit.value);
                    parts.push(tir::Expr::new(ExprKind::Str(id), Type::Str));
                }
                ast::FStringPart::FString(fs) => {
                    for el in fs.elements.iter() {
                        match el {
                            ast::InterpolatedStringElement::Literal(l) => {
                                let id = self.cx.intern(&l.value);
                                parts.push(tir::Expr::new(ExprKind::Str(id), Type::Str));
                            }
                            ast::InterpolatedStringElement::Interpolation(i) => {
                                parts.push(self.fstring_field(i, 0)?);
                            }
                        }
                    }
                }
            }
        }
        Ok(self.concat(parts))
    }

    pub(super) fn subscript(&mut self, s: &ast::ExprSubscript) -> R<tir::Expr> {
        let obj = self.expr(&s.value, None)?;
        if matches!(obj.ty, Type::VarTuple(_)) {
            return self.var_tuple_subscript(obj, s);
        }
        if let Expr::Slice(sl) = s.slice.as_ref() {
            let rt = match &obj.ty {
                Type::Str => Rt::StrSlice,
                Type::List(_) => Rt::ListSlice,
                other => {
                    let other = other.clone();
                    return Err(self.not_narrowed_or(s.value.range(), &other, "cannot be sliced"));
                }
            };
            let [lo, hi, step] = self.slice_bounds(sl)?;
            let ty = obj.ty.clone();
            return Ok(tir::Expr::rt(rt, vec![obj, lo, hi, step], ty));
        }
        if let Type::Tuple(ts) = &obj.ty {
            let idx = match s.slice.as_ref() {
                Expr::NumberLiteral(n) => n.value.as_int().and_then(|i| i.as_i64()),
                Expr::UnaryOp(u) if u.op == ast::UnaryOp::USub => match u.operand.as_ref() {
                    Expr::NumberLiteral(n) => n.value.as_int().and_then(|i| i.as_i64()).map(|v| -v),
                    _ => None,
                },
                _ => None,
            };
            let Some(mut i) = idx else {
                return Err(
                    self.error(s.slice.range(), "a tuple index must be an integer constant")
                );
            };
            let len = ts.len() as i64;
            if i < 0 {
                i += len;
            }
            if i < 0 || i >= len {
                return Err(self.error(s.slice.range(), "tuple index out of range"));
            }
            let ty = ts[i as usize].clone();
            return Ok(tir::Expr::field(
                obj,
                crate::layout::TUPLE_ITEMS + 8 * i as i32,
                ty,
            ));
        }
        let key_ty = match &obj.ty {
            Type::Str | Type::List(_) => Type::Int,
            Type::Dict(k, _) => (**k).clone(),
            other => {
                let other = other.clone();
                return Err(self.not_narrowed_or(s.value.range(), &other, "is not subscriptable"));
            }
        };
        let idx = self.expr_as(&s.slice, &key_ty)?;
        self.index_value(obj, idx, s.range)
    }

    /// `obj[idx]` for checked operands (str, list, dict).
    pub(super) fn index_value(
        &mut self,
        obj: tir::Expr,
        idx: tir::Expr,
        range: TextRange,
    ) -> R<tir::Expr> {
        Ok(match obj.ty.clone() {
            Type::Str => tir::Expr::rt(Rt::StrGetItem, vec![obj, idx], Type::Str),
            Type::List(e) => tir::Expr::rt(Rt::ListGetItem, vec![obj, idx], *e),
            Type::Dict(_, v) => tir::Expr::rt(Rt::DictGetItem, vec![obj, idx], *v),
            other => return Err(self.not_narrowed_or(range, &other, "is not subscriptable")),
        })
    }

    /// The bounds of `a[lo:hi:step]`, each an `int`, [`crate::rt::MISSING`] where absent.
    pub(super) fn slice_bounds(&mut self, sl: &ast::ExprSlice) -> R<[tir::Expr; 3]> {
        let mut bound = |b: &Option<Box<Expr>>| -> R<tir::Expr> {
            match b {
                None => Ok(tir::Expr::int(crate::rt::MISSING)),
                Some(e) => self.expr_as(e, &Type::Int),
            }
        };
        Ok([bound(&sl.lower)?, bound(&sl.upper)?, bound(&sl.step)?])
    }

    pub(super) fn list_display(
        &mut self,
        elts: &[Expr],
        expected: Option<&Type>,
        range: TextRange,
    ) -> R<tir::Expr> {
        let elem_ty = match expected {
            Some(Type::List(t)) => Some((**t).clone()),
            _ => None,
        };
        let mut items = Vec::new();
        let mut deferred = Vec::new();
        for (i, el) in elts.iter().enumerate() {
            if let Expr::Starred(s) = el {
                return Err(self.error(s.range, "'*' unpacking is not supported"));
            }
            if elem_ty.is_none() && is_empty_display(el) {
                // `[[1], []]`: the empty one takes the type the others give.
                deferred.push(i);
                items.push(tir::Expr::none());
                continue;
            }
            items.push(match &elem_ty {
                Some(t) => self.expr_as(el, t)?,
                None => self.expr(el, None)?,
            });
        }
        if !deferred.is_empty() {
            let known = items
                .iter()
                .enumerate()
                .find(|(i, _)| !deferred.contains(i))
                .map(|(_, e)| e.ty.clone());
            for i in deferred {
                items[i] = self.expr(&elts[i], known.as_ref())?;
            }
        }
        let elem = match elem_ty {
            Some(t) => t,
            None => {
                let Some(first) = items.first() else {
                    return Err(self.error(
                        range,
                        "cannot infer the element type of an empty list: annotate it (e.g. 'xs: list[int] = []')",
                    ));
                };
                let mut t = first.ty.clone();
                for (item, el) in items.iter().zip(elts) {
                    if item.ty != t {
                        t = match (&t, &item.ty) {
                            (Type::Int, Type::Float) | (Type::Float, Type::Int) => {
                                return Err(self.error(
                                    el.range(),
                                    "a list display mixes int and float: write the ints as floats (1.0)",
                                ));
                            }
                            _ => self.unify(&t, &item.ty, None, el.range())?,
                        };
                    }
                }
                t
            }
        };
        let items = items
            .into_iter()
            .zip(elts)
            .map(|(i, el)| self.coerce(i, &elem, el.range()))
            .collect::<R<Vec<_>>>()?;
        let ty = Type::List(Box::new(elem.clone()));
        let new = tir::Expr::rt(
            Rt::ListNew,
            vec![
                tir::Expr::bool(elem.is_ref()),
                tir::Expr::int(items.len() as i64),
            ],
            ty.clone(),
        );
        if items.is_empty() {
            return Ok(new);
        }
        let (s, l) = self.bind_temp(new);
        let mut stmts = vec![s];
        for it in items {
            stmts.push(tir::Stmt::Expr(tir::Expr::rt(
                Rt::ListAppend,
                vec![l.clone(), it],
                Type::None,
            )));
        }
        Ok(tir::Expr::new(ExprKind::Block(stmts, Box::new(l)), ty))
    }

    pub(super) fn dict_display(
        &mut self,
        d: &ast::ExprDict,
        expected: Option<&Type>,
    ) -> R<tir::Expr> {
        let (mut kt, mut vt) = match expected {
            Some(Type::Dict(k, v)) => (Some((**k).clone()), Some((**v).clone())),
            _ => (None, None),
        };
        let mut pairs = Vec::new();
        for item in d.items.iter() {
            let Some(key) = &item.key else {
                return Err(self.error(item.value.range(), "'**' unpacking is not supported"));
            };
            let k = match &kt {
                Some(t) => self.expr_as(key, t)?,
                None => self.expr(key, None)?,
            };
            let v = match &vt {
                Some(t) => self.expr_as(&item.value, t)?,
                None => self.expr(&item.value, None)?,
            };
            if kt.is_none() {
                if !super::dunders::is_dict_key(&k.ty) {
                    return Err(self.error(
                        key.range(),
                        "dict keys must be int, str, bool, class instances or tuples of those",
                    ));
                }
                kt = Some(k.ty.clone());
            }
            if vt.is_none() {
                if v.ty == Type::None {
                    return Err(self.error(
                        item.value.range(),
                        "cannot infer the value type from None: annotate the dict",
                    ));
                }
                vt = Some(v.ty.clone());
            }
            let k = self.coerce(k, kt.as_ref().expect("set"), key.range())?;
            let v = self.coerce(v, vt.as_ref().expect("set"), item.value.range())?;
            pairs.push((k, v));
        }
        let (Some(kt), Some(vt)) = (kt, vt) else {
            return Err(self.error(
                d.range,
                "cannot infer the type of an empty dict: annotate it (e.g. 'd: dict[str, int] = {}')",
            ));
        };
        if !super::dunders::is_dict_key(&kt) {
            return Err(self.error(
                d.range,
                "dict keys must be int, str, bool, class instances or tuples of those",
            ));
        }
        let ty = Type::Dict(Box::new(kt.clone()), Box::new(vt.clone()));
        let new = super::dunders::new_dict(&kt, &vt);
        if pairs.is_empty() {
            return Ok(new);
        }
        let (s, dv) = self.bind_temp(new);
        let mut stmts = vec![s];
        for (k, v) in pairs {
            stmts.push(tir::Stmt::Expr(tir::Expr::rt(
                Rt::DictSetItem,
                vec![dv.clone(), k, v],
                Type::None,
            )));
        }
        Ok(tir::Expr::new(ExprKind::Block(stmts, Box::new(dv)), ty))
    }
}

/// An instance, or an optional instance: `==` on these is identity.
pub(super) fn is_instance_like(t: &Type) -> bool {
    match t {
        Type::Instance(_) => true,
        Type::Optional(i) => matches!(**i, Type::Instance(_)),
        _ => false,
    }
}

/// `[]` or `{}`: a display whose type must come from its context.
pub(super) fn is_empty_display(e: &Expr) -> bool {
    match e {
        Expr::List(l) => l.elts.is_empty(),
        Expr::Dict(d) => d.items.is_empty(),
        Expr::Tuple(t) => t.elts.is_empty(),
        _ => false,
    }
}

impl Checker<'_, '_> {
    /// `e`, the attribute `a` of `base` (already evaluated): a bound method, a
    /// file's attribute, an instance's field or constant.
    pub(super) fn attribute_on(
        &mut self,
        e: &Expr,
        a: &ast::ExprAttribute,
        base: tir::Expr,
        expected: Option<&Type>,
    ) -> R<tir::Expr> {
        if let Type::Instance(c) = base.ty
            && self.is_method_value(c, a.attr.id.as_str())
        {
            return self.bound_method_value(base, c, &a.attr, expected);
        }
        if base.ty == Type::File {
            return self.file_attr(base, &a.attr);
        }
        if let Type::Instance(c) = base.ty {
            let v = self.instance_attr(base, c, &a.attr)?;
            return Ok(match self.narrowed_type(e) {
                Some(t) => super::optional::narrow_value(v, t),
                None => v,
            });
        }
        if matches!(base.ty, Type::Optional(_)) {
            let t = base.ty.clone();
            return Err(self.not_narrowed_or(a.value.range(), &t, ""));
        }
        Err(self.error(
            a.attr.range,
            format!(
                "{} has no attribute '{}'",
                self.type_name(&base.ty),
                a.attr.id
            ),
        ))
    }
}
