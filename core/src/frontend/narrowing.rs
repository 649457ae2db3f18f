//! Conditions and narrowing: a condition is checked into a `bool` expression
//! plus what it implies when true and when false (`is None`, `is not None`,
//! `isinstance`, truthiness, `not`, `and`, `or`), and locals and attribute
//! paths are looked up through the narrowings in force.

use ruff_python_ast::{self as ast, CmpOp, Expr};
use ruff_text_size::{Ranged, TextRange};

use super::checker::{Checker, R, Reported};
use super::flow::{NarrowKey, Narrowing};
use super::values::nonzero;
use crate::rt::Rt;
use crate::tir::{self, BinaryOp, ClassId, ExprKind, Type, UnaryOp};

impl<'c, 'a> Checker<'c, 'a> {
    pub(super) fn apply(&mut self, n: &Narrowing) {
        for (key, t) in n {
            self.flow.narrowed.insert(key.clone(), t.clone());
        }
    }

    /// Checks a condition: the `bool` expression and what it implies when true and when false.
    pub(super) fn cond(&mut self, e: &Expr) -> R<(tir::Expr, Narrowing, Narrowing)> {
        self.enter(e.range())?;
        let r = self.cond_inner(e);
        self.depth -= 1;
        r
    }

    pub(super) fn cond_inner(&mut self, e: &Expr) -> R<(tir::Expr, Narrowing, Narrowing)> {
        match e {
            Expr::UnaryOp(u) if u.op == ast::UnaryOp::Not => {
                let (c, yes, no) = self.cond(&u.operand)?;
                Ok((tir::Expr::unary(UnaryOp::BoolNot, c, Type::Bool), no, yes))
            }
            Expr::BoolOp(b) => {
                let saved = self.flow.narrowed.clone();
                let mut acc: Option<tir::Expr> = None;
                let mut yes_all = Vec::new();
                let mut no_all = Vec::new();
                for v in &b.values {
                    let (c, yes, no) = self.cond(v)?;
                    // The right operand sees what the left implies when evaluation reaches it.
                    match b.op {
                        ast::BoolOp::And => {
                            self.apply(&yes);
                            yes_all.extend(yes);
                        }
                        ast::BoolOp::Or => {
                            self.apply(&no);
                            no_all.extend(no);
                        }
                    }
                    acc = Some(match acc {
                        None => c,
                        Some(a) => tir::Expr::new(
                            match b.op {
                                ast::BoolOp::And => ExprKind::And(Box::new(a), Box::new(c)),
                                ast::BoolOp::Or => ExprKind::Or(Box::new(a), Box::new(c)),
                            },
                            Type::Bool,
                        ),
                    });
                }
                self.flow.narrowed = saved;
                match b.op {
                    ast::BoolOp::And => Ok((acc.expect("two or more values"), yes_all, Vec::new())),
                    ast::BoolOp::Or => Ok((acc.expect("two or more values"), Vec::new(), no_all)),
                }
            }
            Expr::Compare(c)
                if c.ops.len() == 1 && matches!(c.ops[0], CmpOp::Is | CmpOp::IsNot) =>
            {
                let target = self
                    .optional_target(&c.left, &c.comparators[0])
                    .or_else(|| self.optional_target(&c.comparators[0], &c.left));
                let value = self.expr(e, None)?;
                let Some((key, inner)) = target else {
                    return Ok((value, Vec::new(), Vec::new()));
                };
                let n = vec![(key, inner)];
                if c.ops[0] == CmpOp::IsNot {
                    Ok((value, n, Vec::new()))
                } else {
                    Ok((value, Vec::new(), n))
                }
            }
            Expr::Call(call)
                if matches!(call.func.as_ref(), Expr::Name(n) if n.id.as_str() == "isinstance")
                    && !self.is_shadowed("isinstance") =>
            {
                let (test, class) = self.isinstance(call)?;
                let narrowing = match (self.narrow_key(&call.arguments.args[0]), class) {
                    (Some(key), Some(c)) => vec![(key, Type::Instance(c))],
                    _ => Vec::new(),
                };
                Ok((test, narrowing, Vec::new()))
            }
            Expr::Attribute(a) if a.attr.id.as_str() == "args" => {
                // `if e.args:` of an exception: whether it holds any argument.
                match self.exc_args_or_expr(e)? {
                    Ok(args) => {
                        let n = self.exc_args_len(args, e)?;
                        Ok((super::values::nonzero(n), Vec::new(), Vec::new()))
                    }
                    Err(v) => Ok((self.truthy(v)?, Vec::new(), Vec::new())),
                }
            }
            Expr::Name(_) | Expr::Attribute(_) => {
                // `if x:` on an optional narrows it too.
                let v = self.expr(e, None)?;
                let narrowing = match (&v.ty, self.narrow_key(e)) {
                    (Type::Optional(inner), Some(key)) => vec![(key, (**inner).clone())],
                    _ => Vec::new(),
                };
                Ok((self.truthy(v)?, narrowing, Vec::new()))
            }
            _ => {
                let v = self.expr(e, None)?;
                Ok((self.truthy(v)?, Vec::new(), Vec::new()))
            }
        }
    }

    /// `(key, inner type)` when `a` is an optional local or attribute path and `b` is `None`.
    pub(super) fn optional_target(&self, a: &Expr, b: &Expr) -> Option<(NarrowKey, Type)> {
        if !matches!(b, Expr::NoneLiteral(_)) {
            return None;
        }
        let key = self.narrow_key(a)?;
        match self.declared_type(&key)? {
            Type::Optional(inner) => Some((key, *inner)),
            _ => None,
        }
    }

    /// The narrowing key of a local (`x`) or an attribute path on one (`x.f.g`).
    pub(super) fn narrow_key(&self, e: &Expr) -> Option<NarrowKey> {
        match e {
            Expr::Name(n) => {
                if !self.local_names.contains(n.id.as_str()) {
                    return None;
                }
                self.names
                    .get(n.id.as_str())
                    .map(|&id| NarrowKey::local(id))
            }
            Expr::Attribute(a) => {
                let mut key = self.narrow_key(&a.value)?;
                key.path.push(a.attr.id.to_string());
                Some(key)
            }
            _ => None,
        }
    }

    /// The type a narrowing key has before narrowing: the local's, then each field's
    /// (each step through the current, possibly narrowed, type of the prefix).
    pub(super) fn declared_type(&self, key: &NarrowKey) -> Option<Type> {
        let mut ty = self.locals.get(key.root.0 as usize)?.ty.clone();
        let mut prefix = NarrowKey::local(key.root);
        for name in &key.path {
            if let Some(t) = self.flow.narrowed.get(&prefix) {
                ty = t.clone();
            }
            let Type::Instance(c) = ty else { return None };
            ty = self.cx.find_field(c, name)?.ty;
            prefix.path.push(name.clone());
        }
        Some(ty)
    }

    /// The declared (un-narrowed) type of a local or attribute path.
    pub(super) fn declared_type_of(&self, key: &NarrowKey) -> Option<Type> {
        self.declared_type(key)
    }

    /// The type of a local or attribute path after narrowing, if it is narrowed.
    pub(super) fn narrowed_type(&self, e: &Expr) -> Option<Type> {
        let key = self.narrow_key(e)?;
        self.flow.narrowed.get(&key).cloned()
    }

    /// A value's truthiness as a `bool`.
    pub(super) fn truthy(&mut self, v: tir::Expr) -> R<tir::Expr> {
        use crate::layout::*;
        Ok(match v.ty.clone() {
            Type::Bool => v,
            Type::Int => tir::Expr::binary(BinaryOp::IntNe, v, tir::Expr::int(0), Type::Bool),
            Type::Float => tir::Expr::binary(
                BinaryOp::FloatNe,
                v,
                tir::Expr::new(ExprKind::Float(0.0), Type::Float),
                Type::Bool,
            ),
            Type::Str => nonzero(tir::Expr::field(v, STR_BYTE_LEN, Type::Int)),
            Type::List(_) | Type::DictKeys(_) | Type::DictValues(_) | Type::DictItems(..) => {
                nonzero(tir::Expr::field(v, LIST_LEN, Type::Int))
            }
            Type::Dict(..) => nonzero(tir::Expr::field(v, DICT_LEN, Type::Int)),
            Type::Set(_) => nonzero(tir::Expr::field(v, SET_LEN, Type::Int)),
            Type::Tuple(ts) => tir::Expr::bool(!ts.is_empty()),
            Type::VarTuple(_) => nonzero(tir::Expr::field(v, TUPLE_LEN, Type::Int)),
            // Files are always true.
            Type::File => tir::Expr::new(
                ExprKind::Block(vec![tir::Stmt::Expr(v)], Box::new(tir::Expr::bool(true))),
                Type::Bool,
            ),
            // An instance is true unless its class defines `__len__` and it returns 0.
            Type::Instance(_) => tir::Expr::rt(Rt::InstanceBool, vec![v], Type::Bool),
            Type::Object => {
                let inner = Type::Optional(Box::new(Type::Instance(ClassId(0))));
                self.truthy(tir::Expr::new(v.kind, inner))?
            }
            Type::None => tir::Expr::new(
                ExprKind::Block(vec![tir::Stmt::Expr(v)], Box::new(tir::Expr::bool(false))),
                Type::Bool,
            ),
            // Function values are always true.
            Type::Callable(..) => tir::Expr::new(
                ExprKind::Block(vec![tir::Stmt::Expr(v)], Box::new(tir::Expr::bool(true))),
                Type::Bool,
            ),
            Type::Optional(inner) => {
                let (s, t) = self.bind_temp(v);
                let not_null = tir::Expr::unary(
                    UnaryOp::BoolNot,
                    tir::Expr::unary(UnaryOp::IsNull, t.clone(), Type::Bool),
                    Type::Bool,
                );
                let inner_truth = self.truthy(super::optional::from_optional(t.clone(), &inner))?;
                tir::Expr::new(
                    ExprKind::Block(
                        vec![s],
                        Box::new(tir::Expr::new(
                            ExprKind::And(Box::new(not_null), Box::new(inner_truth)),
                            Type::Bool,
                        )),
                    ),
                    Type::Bool,
                )
            }
        })
    }

    pub(super) fn not_narrowed_or(&mut self, range: TextRange, ty: &Type, what: &str) -> Reported {
        match ty {
            Type::Optional(inner) => self.error(
                range,
                format!(
                    "this value is {} and may be None: narrow it first (e.g. 'if x is not None:')",
                    self.type_name(&Type::Optional(inner.clone()))
                ),
            ),
            _ => self.error(range, format!("{} {what}", self.type_name(ty))),
        }
    }
}
