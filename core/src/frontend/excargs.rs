//! `e.args` of an exception instance, where the program only looks at it.
//!
//! CPython's `args` is a tuple whose elements have no one static type (a
//! `KeyError`'s key, an `OSError`'s `(errno, strerror)`, whatever a class's
//! `__init__` was given). Seam supports the uses that need no static type:
//! `print(e.args)`, `str(e.args)`, `repr(e.args)`, f-string fields
//! (`{e.args}`, `{e.args!r}`, without a format spec), `len(e.args)` and truth
//! tests (`if e.args:`), and the same for one element, `e.args[i]` (not `len`
//! nor truth). Each becomes a runtime call that reads the arguments from the
//! exception (`runtime/src/exc_args.rs`); any other use of `e.args` is refused.

use ruff_python_ast::{self as ast, Expr};
use ruff_text_size::Ranged;

use super::checker::{Checker, R};
use crate::rt::{MISSING, Rt};
use crate::tir::{self, Type};

/// `e.args` or `e.args[i]`, checked: the exception, and the index of an element.
pub(super) struct ExcArgs {
    exc: tir::Expr,
    index: Option<tir::Expr>,
}

/// What the uses `e.args` is refused in say.
pub(super) const EXC_ARGS_USES: &str = "'e.args' of an exception is supported in print(), \
     str(), repr(), len(), f-strings without a format spec and truth tests, and 'e.args[i]' in \
     print(), str(), repr() and f-strings: its elements have no one static type (keep what you \
     need in fields of your exception class)";

impl Checker<'_, '_> {
    /// `e` checked as `e.args` or `e.args[i]` of an exception instance
    /// (`Ok(Ok(..))`), or as any other expression (`Ok(Err(value))`).
    pub(super) fn exc_args_or_expr(&mut self, e: &Expr) -> R<Result<ExcArgs, tir::Expr>> {
        match e {
            Expr::Attribute(a) if a.attr.id.as_str() == "args" => Ok(self
                .args_base(e, a)?
                .map(|exc| ExcArgs { exc, index: None })),
            Expr::Subscript(s) => {
                let Expr::Attribute(a) = s.value.as_ref() else {
                    return self.expr(e, None).map(Err);
                };
                if a.attr.id.as_str() != "args" {
                    return self.expr(e, None).map(Err);
                }
                match self.args_base(&s.value, a)? {
                    Ok(exc) => {
                        if matches!(s.slice.as_ref(), Expr::Slice(_)) {
                            return Err(self.error(
                                s.slice.range(),
                                "slices of 'e.args' are not supported: index it (e.args[i])",
                            ));
                        }
                        let index = self.expr_as(&s.slice, &Type::Int)?;
                        Ok(Ok(ExcArgs {
                            exc,
                            index: Some(index),
                        }))
                    }
                    // Not an exception's: the subscript as usual (its base,
                    // checked already without an error, is checked again).
                    Err(_) => self.expr(e, None).map(Err),
                }
            }
            _ => self.expr(e, None).map(Err),
        }
    }

    /// The base of `e`, the attribute `a` named `args`: `Ok` the exception
    /// when it is an exception instance without a member of that name, else
    /// `Err` the value of `e` as any attribute.
    fn args_base(&mut self, e: &Expr, a: &ast::ExprAttribute) -> R<Result<tir::Expr, tir::Expr>> {
        let qualified = self.module_of(&a.value).is_some()
            || (!self.is_local_name(&a.value)
                && self.cx.class_named(self.module, &a.value).is_some());
        if qualified {
            return self.expr(e, None).map(Err);
        }
        let base = self.expr(&a.value, None)?;
        if let Type::Instance(c) = base.ty
            && self.cx.program.classes[c.0 as usize].is_exception
            && self.cx.find_field(c, "args").is_none()
            && !self.is_method_value(c, "args")
        {
            return Ok(Ok(base));
        }
        self.attribute_on(e, a, base, None).map(Err)
    }

    /// The text of `args` (`str`, or `repr` of an element when `as_repr`: a
    /// tuple's str is its repr).
    pub(super) fn exc_args_text(&mut self, args: ExcArgs, as_repr: bool) -> tir::Expr {
        let index = args.index.unwrap_or_else(|| tir::Expr::int(MISSING));
        tir::Expr::rt(
            Rt::ExcArgsText,
            vec![args.exc, index, tir::Expr::bool(as_repr)],
            Type::Str,
        )
    }

    /// `len(e.args)`; refused for an element.
    pub(super) fn exc_args_len(&mut self, args: ExcArgs, at: &Expr) -> R<tir::Expr> {
        if args.index.is_some() {
            return Err(self.error(at.range(), EXC_ARGS_USES));
        }
        Ok(tir::Expr::rt(Rt::ExcArgsLen, vec![args.exc], Type::Int))
    }

    /// `e` as text when it is `e.args` or `e.args[i]` (`Ok`: its `str`, or
    /// its `repr` when `as_repr`), else its value (`Err`), to convert as usual.
    pub(super) fn exc_args_as_text(
        &mut self,
        e: &Expr,
        as_repr: bool,
    ) -> R<Result<tir::Expr, tir::Expr>> {
        Ok(match self.exc_args_or_expr(e)? {
            Ok(args) => Ok(self.exc_args_text(args, as_repr)),
            Err(v) => Err(v),
        })
    }
}
