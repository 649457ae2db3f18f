//! Builtin functions: each is checked against the contract's signature and
//! lowered to runtime calls, field loads or small expression trees (`print`,
//! `len`, `str`, `int`, `min`/`max`, `sorted`, `load_extension`...).
//!
//! Calls in general are dispatched in `calls.rs`; methods of builtin types are
//! in `methods.rs`.

use ruff_python_ast::{self as ast, Expr};
use ruff_text_size::{Ranged, TextRange};

use super::checker::{Checker, R};
use super::defs::Slot;
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

impl Checker<'_, '_> {
    pub(super) fn builtin_call(
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
                match self.exc_args_or_expr(x)? {
                    Ok(args) => self.exc_args_len(args, x),
                    Err(v) => self.len_of(v, x.range()),
                }
            }
            "str" => {
                let args = self.positional(c, name, 0, 1)?;
                match args {
                    [] => Ok(self.str_lit("")),
                    [x] => match self.exc_args_as_text(x, false)? {
                        Ok(text) => Ok(text),
                        Err(v) => Ok(self.stringify(v)),
                    },
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
                let v = match self.exc_args_as_text(x, true)? {
                    Ok(text) => return Ok(text),
                    Err(v) => v,
                };
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
                let b =
                    self.bind_args(c, name, &[Slot::pos("iterable"), Slot::kw_opt("reverse")])?;
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
    pub(super) fn load_extension(&mut self, c: &ast::ExprCall) -> R<tir::Expr> {
        let b = self.bind_args(
            c,
            "load_extension",
            &[Slot::arg("path"), Slot::arg("space")],
        )?;
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

    pub(super) fn print(&mut self, c: &ast::ExprCall) -> R<tir::Expr> {
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
            // `e.args` prints as its text, which is what print() writes for it.
            let (Ok(v) | Err(v)) = self.exc_args_as_text(a, false)?;
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

    pub(super) fn len_of(&mut self, v: tir::Expr, range: TextRange) -> R<tir::Expr> {
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

    pub(super) fn min_max(&mut self, name: &str, c: &ast::ExprCall) -> R<tir::Expr> {
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
    pub(super) fn less(&mut self, (a, b): (tir::Expr, tir::Expr)) -> R<tir::Expr> {
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
}

fn block(stmts: Vec<tir::Stmt>, e: tir::Expr) -> tir::Expr {
    if stmts.is_empty() {
        return e;
    }
    let ty = e.ty.clone();
    tir::Expr::new(ExprKind::Block(stmts, Box::new(e)), ty)
}
