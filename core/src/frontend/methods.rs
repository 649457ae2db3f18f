//! The methods of builtin types called on a value: `str`, `list` and `dict`
//! methods (the later `str` methods are in `strings.rs`, set methods in
//! `sets.rs`, file methods in `io.rs`), each checked against the contract's
//! signature and lowered to runtime calls.

use ruff_python_ast::{self as ast, Expr};
use ruff_text_size::Ranged;

use super::checker::{Checker, R};
use super::defs::Slot;
use crate::rt::Rt;
use crate::tir::{self, ExprKind, Type};

/// A parameter slot of a builtin: its name and whether it must be given.
pub(super) type Spec<'s> = &'s [Slot<'s>];

impl Checker<'_, '_> {
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
                let b = self.bind_args(c, "tuple.count", &[Slot::pos("value")])?;
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

    pub(super) fn args_as(
        &mut self,
        bound: &[Option<&Expr>],
        types: &[Type],
    ) -> R<Vec<Option<tir::Expr>>> {
        bound
            .iter()
            .zip(types)
            .map(|(b, t)| b.map(|e| self.expr_as(e, t)).transpose())
            .collect()
    }

    pub(super) fn str_method(
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
            "startswith" => (&[Slot::pos("prefix")], Rt::StrStartswith, Type::Bool),
            "endswith" => (&[Slot::pos("suffix")], Rt::StrEndswith, Type::Bool),
            "find" => (&[Slot::pos("sub")], Rt::StrFind, Type::Int),
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
                let b = self.bind_args(c, &fname, &[Slot::pos_opt("chars")])?;
                let chars = self.optional_str_arg(b[0])?;
                return Ok(tir::Expr::rt(rt, vec![s, chars], Type::Str));
            }
            "split" => {
                let b = self.bind_args(
                    c,
                    &fname,
                    &[Slot::arg_opt("sep"), Slot::arg_opt("maxsplit")],
                )?;
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
                let b = self.bind_args(c, &fname, &[Slot::pos("iterable")])?;
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
            "replace" => (
                &[Slot::pos("old"), Slot::pos("new")],
                Rt::StrReplace,
                Type::Str,
            ),
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

    pub(super) fn optional_str_arg(&mut self, e: Option<&Expr>) -> R<tir::Expr> {
        let none = tir::Expr::new(ExprKind::None, Type::Optional(Box::new(Type::Str)));
        match e {
            None | Some(Expr::NoneLiteral(_)) => Ok(none),
            Some(e) => {
                let v = self.expr(e, None)?;
                self.coerce(v, &Type::Optional(Box::new(Type::Str)), e.range())
            }
        }
    }

    pub(super) fn list_method(
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
                let b = self.bind_args(c, &fname, &[Slot::pos("object")])?;
                let v = self.expr_as(b[0].expect("required"), &e)?;
                tir::Expr::rt(Rt::ListAppend, vec![l, v], none)
            }
            "pop" => {
                let b = self.bind_args(c, &fname, &[Slot::pos_opt("index")])?;
                let i = match b[0] {
                    Some(x) => self.expr_as(x, &Type::Int)?,
                    None => tir::Expr::int(-1),
                };
                tir::Expr::rt(Rt::ListPop, vec![l, i], e)
            }
            "insert" => {
                let b = self.bind_args(c, &fname, &[Slot::pos("index"), Slot::pos("object")])?;
                let i = self.expr_as(b[0].expect("required"), &Type::Int)?;
                let v = self.expr_as(b[1].expect("required"), &e)?;
                tir::Expr::rt(Rt::ListInsert, vec![l, i, v], none)
            }
            "extend" => {
                let b = self.bind_args(c, &fname, &[Slot::pos("iterable")])?;
                let x = b[0].expect("required");
                let v = self.expr(x, Some(&lt))?;
                let v = match &v.ty {
                    Type::List(t) | Type::DictKeys(t) | Type::DictValues(t) if **t == e => v,
                    _ => self.coerce(v, &lt, x.range())?,
                };
                tir::Expr::rt(Rt::ListExtend, vec![l, v], none)
            }
            "index" => {
                let b = self.bind_args(c, &fname, &[Slot::pos("value")])?;
                let v = self.expr_as(b[0].expect("required"), &e)?;
                tir::Expr::rt(
                    Rt::ListIndex,
                    vec![l, v, tir::Expr::type_code(e)],
                    Type::Int,
                )
            }
            "sort" => {
                let b = self.bind_args(c, &fname, &[Slot::kw_opt("reverse")])?;
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

    pub(super) fn dict_method(
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
                let b = self.bind_args(c, &fname, &[Slot::pos("key"), Slot::pos_opt("default")])?;
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
                let b = self.bind_args(c, &fname, &[Slot::pos("key"), Slot::pos_opt("default")])?;
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
                let b = self.bind_args(c, &fname, &[Slot::pos("key"), Slot::pos("default")])?;
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
