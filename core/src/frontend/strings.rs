//! String formatting and the later `str`, `list` and `dict` methods:
//! f-string fields with conversions and format specs, `str.format` on a
//! literal, the `%` operator, and their lowering to runtime calls.
//!
//! The rules themselves live in `seam-format`, which the runtime runs too:
//! a literal spec or format string is checked here with the same code, and
//! what would raise at run time under CPython is refused with CPython's own
//! message. What depends on values (a `%c` out of range, a spec built at run
//! time) is left to the runtime, which raises as CPython does.

use ruff_python_ast::{self as ast, Expr};
use ruff_text_size::{Ranged, TextRange};
use seam_format::{ArgRef, FieldPiece, FormatError, Kind, PercentArgKind};

use super::checker::{Checker, R, Reported};
use super::defs::Slot;
use crate::rt::Rt;
use crate::tir::{self, ExprKind, Type};

/// The most nested fields a format spec may hold (`{x:{w}}` is one level, as
/// CPython allows); deeper nesting is an error in CPython too.
const MAX_SPEC_DEPTH: u32 = 1;

/// A format spec: known text, or a `str` computed at run time.
enum SpecSource {
    Literal(String),
    Dynamic(tir::Expr),
}

/// The CPython type name of values of `ty`, for messages and checks.
fn python_type_name(cx_classes: &[tir::Class], ty: &Type) -> String {
    match ty {
        Type::Int => "int".into(),
        Type::Float => "float".into(),
        Type::Bool => "bool".into(),
        Type::Str => "str".into(),
        Type::None => "NoneType".into(),
        Type::List(_) => "list".into(),
        Type::Dict(..) => "dict".into(),
        Type::Tuple(_) | Type::VarTuple(_) => "tuple".into(),
        Type::DictKeys(_) => "dict_keys".into(),
        Type::DictValues(_) => "dict_values".into(),
        Type::DictItems(..) => "dict_items".into(),
        Type::Optional(inner) => python_type_name(cx_classes, inner),
        Type::Callable(..) => "function".into(),
        Type::Set(_) => "set".into(),
        Type::File => "TextIOWrapper".into(),
        // Any instance (or None): the class is known only at run time.
        Type::Object => "object".into(),
        Type::Instance(c) => {
            let name = &cx_classes[c.0 as usize].name;
            name.rsplit('.').next().unwrap_or(name).to_string()
        }
    }
}

impl Checker<'_, '_> {
    fn format_error(&mut self, range: TextRange, what: &str, e: FormatError) -> Reported {
        self.error(
            range,
            format!("{what} raises {:?} under CPython: {}", e.class, e.message),
        )
    }

    fn kind_name(&self, ty: &Type) -> String {
        python_type_name(&self.cx.program.classes, ty)
    }

    /// One f-string field `{expr!conv:spec}` (with `=` debug text) as a `str`.
    pub(super) fn fstring_field(
        &mut self,
        i: &ast::InterpolatedElement,
        depth: u32,
    ) -> R<tir::Expr> {
        let mut conversion = match i.conversion {
            ast::ConversionFlag::None => None,
            ast::ConversionFlag::Str => Some('s'),
            ast::ConversionFlag::Repr => Some('r'),
            ast::ConversionFlag::Ascii => Some('a'),
        };
        // `f"{x=}"` shows the repr unless a conversion or a spec is given.
        if i.debug_text.is_some() && conversion.is_none() && i.format_spec.is_none() {
            conversion = Some('r');
        }
        let v = match self.exc_args_or_expr(&i.expression)? {
            Ok(args) => {
                if i.format_spec.is_some() || conversion == Some('a') {
                    return Err(self.error(i.range, super::excargs::EXC_ARGS_USES));
                }
                // The text already converted: formatted as a str with no spec, as itself.
                let text = self.exc_args_text(args, conversion == Some('r'));
                conversion = None;
                text
            }
            Err(v) => v,
        };
        let spec = match &i.format_spec {
            None => SpecSource::Literal(String::new()),
            Some(fs) => {
                let mut literal = String::new();
                let mut dynamic = false;
                for el in fs.elements.iter() {
                    match el {
                        ast::InterpolatedStringElement::Literal(l) => literal.push_str(&l.value),
                        ast::InterpolatedStringElement::Interpolation(_) => dynamic = true,
                    }
                }
                if !dynamic {
                    SpecSource::Literal(literal)
                } else {
                    if depth >= MAX_SPEC_DEPTH {
                        return Err(self
                            .error(fs.range, "format specs may hold fields only one level deep"));
                    }
                    let mut parts = Vec::new();
                    for el in fs.elements.iter() {
                        parts.push(match el {
                            ast::InterpolatedStringElement::Literal(l) => self.str_const(&l.value),
                            ast::InterpolatedStringElement::Interpolation(inner) => {
                                self.fstring_field(inner, depth + 1)?
                            }
                        });
                    }
                    SpecSource::Dynamic(self.concat(parts))
                }
            }
        };
        let range = i.range;
        let formatted = self.format_field(v, conversion, spec, range, "this format spec")?;
        Ok(match &i.debug_text {
            Some(d) => {
                let prefix = self.str_const(d.as_str());
                self.concat(vec![prefix, formatted])
            }
            None => formatted,
        })
    }

    /// A `str` literal.
    fn str_const(&mut self, s: &str) -> tir::Expr {
        let id = self.cx.intern(s);
        tir::Expr::new(ExprKind::Str(id), Type::Str)
    }

    /// The concatenation of `str` parts, empty literals dropped.
    pub(super) fn concat(&mut self, parts: Vec<tir::Expr>) -> tir::Expr {
        let mut acc: Option<tir::Expr> = None;
        for p in parts {
            if let ExprKind::Str(id) = p.kind
                && self.cx.program.strings[id.0 as usize].is_empty()
            {
                continue;
            }
            acc = Some(match acc {
                None => p,
                Some(a) => tir::Expr::rt(Rt::StrConcat, vec![a, p], Type::Str),
            });
        }
        acc.unwrap_or_else(|| self.str_const(""))
    }

    /// `format(conv(v), spec)` for a checked value.
    fn format_field(
        &mut self,
        v: tir::Expr,
        conversion: Option<char>,
        spec: SpecSource,
        range: TextRange,
        what: &str,
    ) -> R<tir::Expr> {
        let v = match conversion {
            None => v,
            Some('s') => self.stringify(v),
            Some(c) => {
                let t = v.ty.clone();
                let rt = if c == 'r' { Rt::ReprOf } else { Rt::AsciiOf };
                tir::Expr::rt(rt, vec![v, tir::Expr::type_code(t)], Type::Str)
            }
        };
        let spec = match spec {
            SpecSource::Literal(s) => {
                let kind_name = self.kind_name(&v.ty);
                let kind = match &v.ty {
                    Type::Int => Kind::Int,
                    Type::Float => Kind::Float,
                    Type::Bool => Kind::Bool,
                    Type::Str => Kind::Str,
                    Type::Optional(inner) if **inner == Type::Int => Kind::Int,
                    Type::Optional(inner) if **inner == Type::Float => Kind::Float,
                    Type::Optional(inner) if **inner == Type::Bool => Kind::Bool,
                    Type::Optional(inner) if **inner == Type::Str => Kind::Str,
                    _ => Kind::Other(&kind_name),
                };
                if let Err(e) = seam_format::check_spec(kind, &s) {
                    return Err(self.format_error(range, what, e));
                }
                if s.is_empty() {
                    return Ok(self.stringify(v));
                }
                self.str_const(&s)
            }
            SpecSource::Dynamic(e) => e,
        };
        let t = v.ty.clone();
        Ok(tir::Expr::rt(
            Rt::Format,
            vec![v, tir::Expr::type_code(t), spec],
            Type::Str,
        ))
    }

    /// The argument kind `%`-formatting sees for a value of type `ty`
    /// (an optional as its value: `None` is caught at run time).
    fn percent_kind<'n>(&self, ty: &Type, name: &'n str) -> PercentArgKind<'n> {
        match ty {
            Type::Int => PercentArgKind::Int,
            Type::Float => PercentArgKind::Float,
            Type::Bool => PercentArgKind::Bool,
            Type::Str => PercentArgKind::Str,
            Type::Optional(inner) => self.percent_kind(inner, name),
            _ => PercentArgKind::Other(name),
        }
    }

    /// `fmt % right` where `fmt` is a checked `str`: a literal format is
    /// checked against the arguments' types; the runtime formats.
    pub(super) fn str_percent(
        &mut self,
        fmt_ast: &Expr,
        fmt: tir::Expr,
        right: &Expr,
        range: TextRange,
    ) -> R<tir::Expr> {
        let literal = match fmt_ast {
            Expr::StringLiteral(s) => Some(s.value.to_str().to_string()),
            _ => None,
        };
        if let Some(f) = &literal
            && seam_format::uses_mapping_keys(f)
        {
            return Err(self.error(
                fmt_ast.range(),
                "'%(name)s' mapping keys in '%' formats are not supported: use an f-string or str.format",
            ));
        }
        // The arguments: a tuple display's elements, or one value.
        let (args, is_tuple) = match right {
            Expr::Tuple(t) if t.elts.is_empty() => (None, true),
            Expr::Tuple(t) => {
                let mut elems = Vec::new();
                for e in &t.elts {
                    if let Expr::Starred(s) = e {
                        return Err(self.error(s.range, "'*' in a tuple display is not supported"));
                    }
                    elems.push(self.expr(e, None)?);
                }
                let tys: Vec<Type> = elems.iter().map(|e| e.ty.clone()).collect();
                (
                    Some(tir::Expr::new(ExprKind::Tuple(elems), Type::Tuple(tys))),
                    true,
                )
            }
            _ => {
                let v = self.expr(right, None)?;
                let is_tuple = matches!(v.ty, Type::Tuple(_));
                (Some(v), is_tuple)
            }
        };
        if let Some(a) = &args
            && matches!(a.ty, Type::Dict(..))
        {
            return Err(self.error(
                right.range(),
                "a dict on the right of '%' is not supported (CPython would read it as a mapping): use an f-string or str.format",
            ));
        }
        let arg_types: Vec<Type> = match &args {
            None => Vec::new(),
            Some(a) => match &a.ty {
                Type::Tuple(ts) if is_tuple => ts.clone(),
                t => vec![t.clone()],
            },
        };
        // A tuple[T, ...]'s length is known only at run time, where the runtime
        // raises CPython's errors for a format that does not fit it.
        let var_tuple = args
            .as_ref()
            .is_some_and(|a| matches!(a.ty, Type::VarTuple(_)));
        if let Some(f) = literal.as_ref().filter(|_| !var_tuple) {
            let names: Vec<String> = arg_types.iter().map(|t| self.kind_name(t)).collect();
            let kinds: Vec<PercentArgKind<'_>> = arg_types
                .iter()
                .zip(&names)
                .map(|(t, n)| self.percent_kind(t, n))
                .collect();
            if let Err(e) = seam_format::check_percent(f, &kinds, is_tuple) {
                return Err(self.format_error(range, "this '%' format", e));
            }
            if args.is_none() {
                // `"..." % ()`: nothing to format; the checked result is the text itself.
                let objs: Vec<&dyn seam_format::Object> = Vec::new();
                let text = seam_format::percent_format(f, &objs, true)
                    .map_err(|e| self.format_error(range, "this '%' format", e))?;
                return Ok(self.str_const(&text));
            }
        }
        let Some(args) = args else {
            return Err(self.error(
                right.range(),
                "an empty tuple on the right of '%' needs a literal format string",
            ));
        };
        Ok(self.percent_call(fmt, args))
    }

    fn percent_call(&mut self, fmt: tir::Expr, args: tir::Expr) -> tir::Expr {
        let t = args.ty.clone();
        tir::Expr::rt(
            Rt::StrPercent,
            vec![fmt, args, tir::Expr::type_code(t)],
            Type::Str,
        )
    }

    /// `s %= x` and other `%` on values already checked: formatted at run time.
    pub(super) fn str_percent_values(
        &mut self,
        fmt: tir::Expr,
        args: tir::Expr,
        range: TextRange,
    ) -> R<tir::Expr> {
        if matches!(args.ty, Type::Dict(..)) {
            return Err(self.error(
                range,
                "a dict on the right of '%' is not supported (CPython would read it as a mapping): use an f-string or str.format",
            ));
        }
        Ok(self.percent_call(fmt, args))
    }

    /// `"literal".format(args...)`: fields parsed and checked here, each
    /// lowered to a `format()` of the argument it names.
    pub(super) fn str_format_call(&mut self, recv: &Expr, c: &ast::ExprCall) -> R<tir::Expr> {
        let Expr::StringLiteral(lit) = recv else {
            return Err(self.error(
                recv.range(),
                "str.format() is supported on a string literal only (its fields are checked before run time): use an f-string",
            ));
        };
        let fmt = lit.value.to_str().to_string();
        let pieces = match seam_format::parse_fields(&fmt) {
            Ok(p) => p,
            Err(e) => return Err(self.format_error(c.range(), "this format string", e)),
        };
        // Every argument is evaluated once, in order, whether a field uses it or not.
        let mut stmts = Vec::new();
        let mut positional = Vec::new();
        for a in c.arguments.args.iter() {
            if let Expr::Starred(s) = a {
                return Err(self.error(s.range, "'*' arguments are not supported"));
            }
            let v = self.expr(a, None)?;
            positional.push(self.keep(v, &mut stmts));
        }
        let mut keywords: Vec<(String, tir::Expr)> = Vec::new();
        for kw in &c.arguments.keywords {
            let Some(name) = &kw.arg else {
                return Err(self.error(kw.range, "'**' arguments are not supported"));
            };
            let v = self.expr(&kw.value, None)?;
            let v = self.keep(v, &mut stmts);
            keywords.push((name.id.to_string(), v));
        }
        let mut parts = Vec::new();
        for p in &pieces {
            parts.push(self.format_piece(p, &positional, &keywords, c.range())?);
        }
        let body = self.concat(parts);
        Ok(if stmts.is_empty() {
            body
        } else {
            tir::Expr::new(ExprKind::Block(stmts, Box::new(body)), Type::Str)
        })
    }

    /// A temporary holding `v`, so a field may read it any number of times.
    fn keep(&mut self, v: tir::Expr, stmts: &mut Vec<tir::Stmt>) -> tir::Expr {
        match v.kind {
            ExprKind::Str(_) | ExprKind::Int(_) | ExprKind::Bool(_) | ExprKind::Float(_) => v,
            _ => {
                let (s, t) = self.bind_temp(v);
                stmts.push(s);
                t
            }
        }
    }

    fn format_piece(
        &mut self,
        p: &FieldPiece,
        positional: &[tir::Expr],
        keywords: &[(String, tir::Expr)],
        range: TextRange,
    ) -> R<tir::Expr> {
        let f = match p {
            FieldPiece::Literal(s) => return Ok(self.str_const(s)),
            FieldPiece::Field(f) => f,
        };
        let v = match &f.arg {
            ArgRef::Index(i) => match positional.get(*i) {
                Some(v) => v.clone(),
                None => {
                    return Err(self.error(
                        range,
                        format!(
                            "this format string raises IndexError under CPython: Replacement index {i} out of range for positional args tuple"
                        ),
                    ));
                }
            },
            ArgRef::Name(n) => match keywords.iter().find(|(k, _)| k == n) {
                Some((_, v)) => v.clone(),
                None => {
                    return Err(self.error(
                        range,
                        format!("this format string raises KeyError under CPython: '{n}' is not a keyword argument of the call"),
                    ));
                }
            },
        };
        if !f.access.is_empty() {
            return Err(self.error(
                range,
                format!(
                    "attribute and index access in format fields ('{}') is not supported",
                    f.access
                ),
            ));
        }
        let spec = if f.spec.iter().all(|p| matches!(p, FieldPiece::Literal(_))) {
            SpecSource::Literal(
                f.spec
                    .iter()
                    .map(|p| match p {
                        FieldPiece::Literal(s) => s.as_str(),
                        FieldPiece::Field(_) => "",
                    })
                    .collect(),
            )
        } else {
            let mut parts = Vec::new();
            for sp in &f.spec {
                parts.push(self.format_piece(sp, positional, keywords, range)?);
            }
            SpecSource::Dynamic(self.concat(parts))
        };
        self.format_field(v, f.conversion, spec, range, "this format string")
    }

    /// `format(value, spec)`, the builtin.
    pub(super) fn format_builtin(&mut self, c: &ast::ExprCall) -> R<tir::Expr> {
        let b = self.bind_args(
            c,
            "format",
            &[Slot::pos("value"), Slot::pos_opt("format_spec")],
        )?;
        let v = self.expr(b[0].expect("required"), None)?;
        let spec = match b[1] {
            None => SpecSource::Literal(String::new()),
            Some(Expr::StringLiteral(s)) => SpecSource::Literal(s.value.to_str().to_string()),
            Some(e) => SpecSource::Dynamic(self.expr_as(e, &Type::Str)?),
        };
        self.format_field(v, None, spec, c.range(), "this format spec")
    }

    /// `ascii(value)`, the builtin.
    pub(super) fn ascii_builtin(&mut self, c: &ast::ExprCall) -> R<tir::Expr> {
        let b = self.bind_args(c, "ascii", &[Slot::pos("obj")])?;
        let v = self.expr(b[0].expect("required"), None)?;
        let t = v.ty.clone();
        Ok(tir::Expr::rt(
            Rt::AsciiOf,
            vec![v, tir::Expr::type_code(t)],
            Type::Str,
        ))
    }

    /// The `str` methods of this feature; `None` for other names.
    pub(super) fn str_method_more(
        &mut self,
        s: &tir::Expr,
        m: &str,
        c: &ast::ExprCall,
    ) -> Option<R<tir::Expr>> {
        let ours = matches!(
            m,
            "count"
                | "find"
                | "rfind"
                | "index"
                | "rindex"
                | "partition"
                | "rpartition"
                | "splitlines"
                | "zfill"
                | "ljust"
                | "rjust"
                | "center"
                | "title"
                | "capitalize"
                | "casefold"
                | "isalnum"
        );
        // `s.find(sub)` without bounds keeps its own runtime function.
        let plain_find =
            m == "find" && c.arguments.args.len() == 1 && c.arguments.keywords.is_empty();
        if !ours || plain_find {
            return None;
        }
        let fname = format!("str.{m}");
        let s = s.clone();
        Some((|| -> R<tir::Expr> {
            match m {
                "count" | "find" | "rfind" | "index" | "rindex" => {
                    let b = self.bind_args(
                        c,
                        &fname,
                        &[
                            Slot::pos("sub"),
                            Slot::pos_opt("start"),
                            Slot::pos_opt("end"),
                        ],
                    )?;
                    let sub = self.expr_as(b[0].expect("required"), &Type::Str)?;
                    let start = self.optional_index(b[1])?;
                    let end = self.optional_index(b[2])?;
                    if m == "count" {
                        return Ok(tir::Expr::rt(
                            Rt::StrCount,
                            vec![s, sub, start, end],
                            Type::Int,
                        ));
                    }
                    let mode = match m {
                        "find" => 0,
                        "rfind" => 1,
                        "index" => 2,
                        _ => 3,
                    };
                    Ok(tir::Expr::rt(
                        Rt::StrFindIn,
                        vec![s, sub, start, end, tir::Expr::int(mode)],
                        Type::Int,
                    ))
                }
                "partition" | "rpartition" => {
                    let b = self.bind_args(c, &fname, &[Slot::pos("sep")])?;
                    let sep = self.expr_as(b[0].expect("required"), &Type::Str)?;
                    Ok(tir::Expr::rt(
                        Rt::StrPartition,
                        vec![s, sep, tir::Expr::bool(m == "rpartition")],
                        Type::Tuple(vec![Type::Str, Type::Str, Type::Str]),
                    ))
                }
                "splitlines" => {
                    let b = self.bind_args(c, &fname, &[Slot::arg_opt("keepends")])?;
                    let keep = match b[0] {
                        Some(e) => self.expr_as(e, &Type::Bool)?,
                        None => tir::Expr::bool(false),
                    };
                    Ok(tir::Expr::rt(
                        Rt::StrSplitlines,
                        vec![s, keep],
                        Type::List(Box::new(Type::Str)),
                    ))
                }
                "zfill" => {
                    let b = self.bind_args(c, &fname, &[Slot::pos("width")])?;
                    let w = self.expr_as(b[0].expect("required"), &Type::Int)?;
                    Ok(tir::Expr::rt(Rt::StrZfill, vec![s, w], Type::Str))
                }
                "ljust" | "rjust" | "center" => {
                    let b = self.bind_args(
                        c,
                        &fname,
                        &[Slot::pos("width"), Slot::pos_opt("fillchar")],
                    )?;
                    let w = self.expr_as(b[0].expect("required"), &Type::Int)?;
                    let fill = match b[1] {
                        Some(e) => self.expr_as(e, &Type::Str)?,
                        None => tir::Expr::new(ExprKind::None, Type::Optional(Box::new(Type::Str))),
                    };
                    let align = match m {
                        "ljust" => 0,
                        "rjust" => 1,
                        _ => 2,
                    };
                    Ok(tir::Expr::rt(
                        Rt::StrPad,
                        vec![s, w, fill, tir::Expr::int(align)],
                        Type::Str,
                    ))
                }
                "title" | "capitalize" | "casefold" | "isalnum" => {
                    self.bind_args(c, &fname, &[])?;
                    let (rt, ty) = match m {
                        "title" => (Rt::StrTitle, Type::Str),
                        "capitalize" => (Rt::StrCapitalize, Type::Str),
                        "casefold" => (Rt::StrCasefold, Type::Str),
                        _ => (Rt::StrIsalnum, Type::Bool),
                    };
                    Ok(tir::Expr::rt(rt, vec![s], ty))
                }
                _ => unreachable!("names filtered above"),
            }
        })())
    }

    /// An optional `int` bound (`None` or absent: [`crate::rt::MISSING`]).
    fn optional_index(&mut self, e: Option<&Expr>) -> R<tir::Expr> {
        match e {
            None | Some(Expr::NoneLiteral(_)) => Ok(tir::Expr::int(crate::rt::MISSING)),
            Some(e) => self.expr_as(e, &Type::Int),
        }
    }

    /// The `list` methods of this feature; `None` for other names.
    pub(super) fn list_method_more(
        &mut self,
        l: &tir::Expr,
        e: &Type,
        m: &str,
        c: &ast::ExprCall,
    ) -> Option<R<tir::Expr>> {
        if !matches!(m, "count" | "remove" | "clear") {
            return None;
        }
        let fname = format!("list.{m}");
        let l = l.clone();
        Some((|| -> R<tir::Expr> {
            if m == "clear" {
                self.bind_args(c, &fname, &[])?;
                return Ok(tir::Expr::rt(Rt::ListClear, vec![l], Type::None));
            }
            let b = self.bind_args(c, &fname, &[Slot::pos("value")])?;
            let v = self.expr_as(b[0].expect("required"), e)?;
            let tc = tir::Expr::type_code(e.clone());
            Ok(if m == "count" {
                tir::Expr::rt(Rt::ListCount, vec![l, v, tc], Type::Int)
            } else {
                tir::Expr::rt(Rt::ListRemove, vec![l, v, tc], Type::None)
            })
        })())
    }

    /// The `dict` methods of this feature; `None` for other names.
    pub(super) fn dict_method_more(
        &mut self,
        d: &tir::Expr,
        k: &Type,
        v: &Type,
        m: &str,
        c: &ast::ExprCall,
    ) -> Option<R<tir::Expr>> {
        if !matches!(m, "update" | "clear" | "popitem") {
            return None;
        }
        let fname = format!("dict.{m}");
        let d = d.clone();
        Some((|| -> R<tir::Expr> {
            match m {
                "update" => {
                    if let Some(kw) = c.arguments.keywords.first() {
                        return Err(self.error(
                            kw.range,
                            "dict.update() with keyword arguments is not supported: pass a dict",
                        ));
                    }
                    let b = self.bind_args(c, &fname, &[Slot::pos("other")])?;
                    let x = b[0].expect("required");
                    let other = self.expr(x, Some(&d.ty))?;
                    if !matches!(other.ty, Type::Dict(..)) {
                        let t = other.ty.clone();
                        return Err(self.not_narrowed_or(
                            x.range(),
                            &t,
                            &format!("cannot update a {} (pass a dict)", self.type_name(&d.ty)),
                        ));
                    }
                    let other = self.coerce(other, &d.ty, x.range())?;
                    Ok(tir::Expr::rt(Rt::DictUpdate, vec![d, other], Type::None))
                }
                "clear" => {
                    self.bind_args(c, &fname, &[])?;
                    Ok(tir::Expr::rt(Rt::DictClear, vec![d], Type::None))
                }
                _ => {
                    self.bind_args(c, &fname, &[])?;
                    let pair = vec![k.clone(), v.clone()];
                    let mask = Type::tuple_ref_mask(&pair);
                    Ok(tir::Expr::rt(
                        Rt::DictPopitem,
                        vec![d, tir::Expr::int(mask)],
                        Type::Tuple(pair),
                    ))
                }
            }
        })())
    }
}
