//! Type annotations to [`tir::Type`], and the signatures of functions and globals.

use ruff_python_ast::{self as ast, Expr, Operator, Stmt};
use ruff_text_size::{Ranged, TextRange};

use super::context::Context;
use super::defs::ClassInfo;
use super::defs::{Binding, FuncSig, ModId, Param, SeamName};
use crate::diag::FileId;
use crate::tir::{self, Type};

/// Why an annotation was refused; reported by the caller at the annotation.
pub(super) struct TypeError {
    pub range: TextRange,
    pub message: String,
}

fn err<T>(range: TextRange, message: impl Into<String>) -> Result<T, TypeError> {
    Err(TypeError {
        range,
        message: message.into(),
    })
}

impl Context<'_> {
    /// How a type is written in messages (see [`type_name`]).
    pub(super) fn type_name(&self, t: &Type) -> String {
        type_name(t, &self.classes)
    }

    /// Resolves an annotation in the scope of module `module`.
    pub(super) fn resolve_type(&self, module: ModId, ann: &Expr) -> Result<Type, TypeError> {
        self.resolve_type_depth(module, ann, 0)
    }

    fn resolve_type_depth(
        &self,
        module: ModId,
        ann: &Expr,
        depth: usize,
    ) -> Result<Type, TypeError> {
        if depth > 32 {
            return err(ann.range(), "type annotation nested too deeply");
        }
        let scope = &self.module(module).scope;
        match ann {
            Expr::NoneLiteral(_) => Ok(Type::None),
            Expr::Name(n) => match n.id.as_str() {
                "int" => Ok(Type::Int),
                "float" => Ok(Type::Float),
                "bool" => Ok(Type::Bool),
                "str" => Ok(Type::Str),
                "None" => Ok(Type::None),
                "list" | "dict" | "tuple" | "set" => err(
                    ann.range(),
                    format!(
                        "'{}' needs type arguments, e.g. list[int], dict[str, int], tuple[int, str]",
                        n.id
                    ),
                ),
                "object" if !scope.contains_key("object") => Ok(Type::Object),
                other => match scope.get(other) {
                    Some(Binding::Class(c)) => Ok(Type::Instance(*c)),
                    Some(Binding::TypingOptional) => {
                        err(ann.range(), "Optional needs a type argument: Optional[T]")
                    }
                    Some(Binding::TypingCallable) => err(
                        ann.range(),
                        "Callable needs its parameter and return types: Callable[[A, B], R]",
                    ),
                    Some(Binding::TypingAlias(_)) => err(
                        ann.range(),
                        format!("'{other}' needs type arguments, e.g. {other}[int]"),
                    ),
                    Some(Binding::TypingTextIO) => Ok(Type::File),
                    Some(Binding::Seam(SeamName::CPointer)) => Ok(Type::Int),
                    Some(Binding::TypingIO) => err(
                        ann.range(),
                        "IO needs a type argument: IO[str] (a text file)",
                    ),
                    None if self.builtin_class(other).is_some() => {
                        Ok(Type::Instance(self.builtin_class(other).expect("checked")))
                    }
                    _ => err(ann.range(), format!("unknown type '{other}'")),
                },
            },
            Expr::StringLiteral(s) => {
                let text = s.value.to_str();
                match ruff_python_parser::parse_expression(text) {
                    Ok(parsed) => {
                        // Positions inside the string don't map to the file; report at the string.
                        self.resolve_type_depth(module, parsed.expr(), depth + 1)
                            .map_err(|e| TypeError {
                                range: ann.range(),
                                message: e.message,
                            })
                    }
                    Err(_) => err(
                        ann.range(),
                        "string annotation is not a valid type expression",
                    ),
                }
            }
            Expr::BinOp(b) if b.op == Operator::BitOr => {
                let l = self.resolve_type_depth(module, &b.left, depth + 1)?;
                let r = self.resolve_type_depth(module, &b.right, depth + 1)?;
                match (l, r) {
                    (Type::None, t) | (t, Type::None) => optional(t, ann.range()),
                    _ => err(
                        ann.range(),
                        "union types are not supported (only 'T | None')",
                    ),
                }
            }
            Expr::Subscript(sub) => {
                let args: Vec<&Expr> = match sub.slice.as_ref() {
                    Expr::Tuple(t) => t.elts.iter().collect(),
                    other => vec![other],
                };
                let head = self.type_head(module, &sub.value);
                if head.as_deref() == Some("Callable") {
                    return self.callable_type(module, ann, &args, depth);
                }
                let resolve_all = |this: &Self| -> Result<Vec<Type>, TypeError> {
                    args.iter()
                        .map(|a| this.resolve_type_depth(module, a, depth + 1))
                        .collect()
                };
                match head.as_deref() {
                    Some("list") => match resolve_all(self)?.as_slice() {
                        [t] => Ok(Type::List(Box::new(t.clone()))),
                        _ => err(ann.range(), "list takes one type argument: list[T]"),
                    },
                    Some("dict") => match resolve_all(self)?.as_slice() {
                        [k, v] => {
                            if !super::dunders::is_dict_key(k) {
                                return err(
                                    args[0].range(),
                                    "dict keys must be int, str, bool, class instances or tuples of those",
                                );
                            }
                            Ok(Type::Dict(Box::new(k.clone()), Box::new(v.clone())))
                        }
                        _ => err(ann.range(), "dict takes two type arguments: dict[K, V]"),
                    },
                    Some("tuple") => {
                        if let [elem, Expr::EllipsisLiteral(_)] = args.as_slice()
                            && !matches!(elem, Expr::EllipsisLiteral(_))
                        {
                            let t = self.resolve_type_depth(module, elem, depth + 1)?;
                            return Ok(Type::VarTuple(Box::new(t)));
                        }
                        if args.iter().any(|a| matches!(a, Expr::EllipsisLiteral(_))) {
                            return err(
                                ann.range(),
                                "'...' in a tuple type must follow its one element type: tuple[T, ...]",
                            );
                        }
                        let ts = resolve_all(self)?;
                        if ts.is_empty() || ts.len() > crate::layout::TUPLE_MAX_LEN {
                            return err(ann.range(), "a tuple type needs 1 to 64 element types");
                        }
                        Ok(Type::Tuple(ts))
                    }
                    Some("set") => match resolve_all(self)?.as_slice() {
                        [t] => {
                            if !super::sets::is_set_element(t) {
                                return err(
                                    args[0].range(),
                                    format!(
                                        "set elements must be int, bool, str or tuples of those, not {}",
                                        self.type_name(t)
                                    ),
                                );
                            }
                            Ok(Type::Set(Box::new(t.clone())))
                        }
                        _ => err(ann.range(), "set takes one type argument: set[T]"),
                    },
                    Some("Optional") => match resolve_all(self)?.as_slice() {
                        [t] => optional(t.clone(), ann.range()),
                        _ => err(ann.range(), "Optional takes one type argument"),
                    },
                    Some("IO") => match resolve_all(self)?.as_slice() {
                        [Type::Str] => Ok(Type::File),
                        _ => err(
                            ann.range(),
                            "only text files are supported: IO[str] (or TextIO)",
                        ),
                    },
                    Some("Exported") => match resolve_all(self)?.as_slice() {
                        [t] => Ok(t.clone()),
                        _ => err(ann.range(), "Exported takes one type argument"),
                    },
                    _ => err(sub.value.range(), "unknown generic type"),
                }
            }
            Expr::Attribute(a)
                if a.attr.id.as_str() == "TextIO"
                    && matches!(a.value.as_ref(), Expr::Name(m)
                        if scope.get(m.id.as_str()) == Some(&Binding::TypingModule)) =>
            {
                Ok(Type::File)
            }
            Expr::Attribute(_) if self.seam_item(module, ann) == Some(SeamName::CPointer) => {
                Ok(Type::Int)
            }
            Expr::Attribute(_) => match self.class_named(module, ann) {
                Some(c) => Ok(Type::Instance(c)),
                None => err(ann.range(), "not a type"),
            },
            _ => err(ann.range(), "not a type"),
        }
    }

    /// `Callable[[A, B], R]`, whose subscript arguments are `args`.
    fn callable_type(
        &self,
        module: ModId,
        ann: &Expr,
        args: &[&Expr],
        depth: usize,
    ) -> Result<Type, TypeError> {
        let [params, ret] = args else {
            return err(
                ann.range(),
                "Callable takes a list of parameter types and a return type: Callable[[A, B], R]",
            );
        };
        let Expr::List(list) = params else {
            return err(
                params.range(),
                "Callable's parameter types must be listed: Callable[[A, B], R] \
                 ('...' and ParamSpec are not supported)",
            );
        };
        let params = list
            .elts
            .iter()
            .map(|p| self.resolve_type_depth(module, p, depth + 1))
            .collect::<Result<Vec<_>, _>>()?;
        let ret = self.resolve_type_depth(module, ret, depth + 1)?;
        Ok(Type::Callable(params, Box::new(ret)))
    }

    /// The name of a generic type's head: `list`, `dict`, `tuple`, `Optional` or `Exported`.
    fn type_head(&self, module: ModId, head: &Expr) -> Option<String> {
        let scope = &self.module(module).scope;
        match head {
            Expr::Name(n) => match n.id.as_str() {
                "list" | "dict" | "tuple" | "set" => Some(n.id.to_string()),
                other => match scope.get(other) {
                    Some(Binding::TypingOptional) => Some("Optional".into()),
                    Some(Binding::TypingCallable) => Some("Callable".into()),
                    Some(Binding::TypingAlias(alias)) => Some((*alias).into()),
                    Some(Binding::TypingIO) => Some("IO".into()),
                    Some(Binding::Seam(SeamName::Exported)) => Some("Exported".into()),
                    _ => None,
                },
            },
            Expr::Attribute(a) => match (a.value.as_ref(), a.attr.id.as_str()) {
                (Expr::Name(m), "Optional")
                    if scope.get(m.id.as_str()) == Some(&Binding::TypingModule) =>
                {
                    Some("Optional".into())
                }
                (Expr::Name(m), "Callable")
                    if scope.get(m.id.as_str()) == Some(&Binding::TypingModule) =>
                {
                    Some("Callable".into())
                }
                (Expr::Name(m), alias @ ("List" | "Dict" | "Tuple" | "Set"))
                    if scope.get(m.id.as_str()) == Some(&Binding::TypingModule) =>
                {
                    Some(alias.to_lowercase())
                }
                (Expr::Name(m), "IO")
                    if scope.get(m.id.as_str()) == Some(&Binding::TypingModule) =>
                {
                    Some("IO".into())
                }
                (Expr::Name(m), "Exported")
                    if scope.get(m.id.as_str()) == Some(&Binding::SeamModule) =>
                {
                    Some("Exported".into())
                }
                _ => None,
            },
            _ => None,
        }
    }

    /// Whether a decorator is `@export` or `@export(...)` from `seam`.
    pub(super) fn is_export_decorator(&self, module: ModId, e: &Expr) -> bool {
        let scope = &self.module(module).scope;
        let target = match e {
            Expr::Call(c) => c.func.as_ref(),
            other => other,
        };
        match target {
            Expr::Name(n) => scope.get(n.id.as_str()) == Some(&Binding::Seam(SeamName::Export)),
            Expr::Attribute(a) => {
                a.attr.id.as_str() == "export"
                    && matches!(a.value.as_ref(), Expr::Name(m) if scope.get(m.id.as_str()) == Some(&Binding::SeamModule))
            }
            _ => false,
        }
    }

    /// Checks every function's parameter and return annotations, and every global's type.
    pub(super) fn check_signatures(&mut self) {
        for m in 0..self.modules.len() {
            let id = ModId(m as u32);
            let Some(file) = self.modules[m].file else {
                continue;
            };
            let body = std::mem::take(&mut self.modules[m].body);
            for (index, stmt) in body.iter().enumerate() {
                match stmt {
                    Stmt::FunctionDef(def) => {
                        if let Some(Binding::Function(fid)) =
                            self.module(id).scope.get(def.name.id.as_str()).cloned()
                        {
                            self.check_signature(id, file, index, def, fid, None);
                            if def
                                .decorator_list
                                .iter()
                                .any(|d| self.is_export_decorator(id, &d.expression))
                            {
                                self.program.exports.functions.push(fid);
                            }
                        }
                    }
                    Stmt::ClassDef(cdef) => {
                        for (mi, ms) in cdef.body.iter().enumerate() {
                            let Stmt::FunctionDef(def) = ms else { continue };
                            let loc = self.method_locs.iter().find(|(_, l)| {
                                l.1 == index && l.2 == mi && self.class(l.0).module == Some(id)
                            });
                            if let Some((&fid, &(cid, _, _))) = loc {
                                self.check_signature(id, file, index, def, fid, Some((cid, mi)));
                            }
                        }
                    }
                    _ => {}
                }
            }
            self.modules[m].body = body;
        }
        for gi in 0..self.global_info.len() {
            let info = self.global_info[gi].clone();
            let g = info.id.0 as usize;
            let file = self
                .module(info.module)
                .file
                .expect("globals live in files");
            let stmt = self.module(info.module).body[info.stmt_index].clone();
            if let Stmt::AnnAssign(a) = &stmt
                && let Expr::Subscript(sub) = a.annotation.as_ref()
                && self.type_head(info.module, &sub.value).as_deref() == Some("Exported")
            {
                self.program.exports.globals.push(tir::GlobalId(g as u32));
            }
            let ty = match &stmt {
                Stmt::AnnAssign(a) => match self.resolve_type(info.module, &a.annotation) {
                    Ok(t) => Some(t),
                    Err(e) => {
                        self.error(file, e.range, e.message);
                        None
                    }
                },
                Stmt::Assign(a) => match literal_type(&a.value) {
                    Some(t) => Some(t),
                    None => {
                        self.error(
                            file,
                            a.targets[0].range(),
                            format!(
                                "module-level global '{}' needs a type annotation ('{}: T = ...'); \
                                 only literal constants may omit it",
                                info.name, info.name
                            ),
                        );
                        None
                    }
                },
                _ => None,
            };
            match ty {
                Some(ty) => self.program.globals[g].ty = ty,
                None => {
                    self.untyped_globals.insert(info.id);
                }
            }
        }
    }

    fn check_signature(
        &mut self,
        module: ModId,
        file: FileId,
        index: usize,
        def: &ast::StmtFunctionDef,
        fid: tir::FuncId,
        method: Option<(tir::ClassId, usize)>,
    ) {
        if def.is_async {
            self.error(file, def.range, "async functions are not supported");
        }
        let p = &def.parameters;
        if let Some(v) = &p.vararg {
            self.error(file, v.range, "*args parameters are not supported");
        }
        if let Some(v) = &p.kwarg {
            self.error(file, v.range, "**kwargs parameters are not supported");
        }
        if !p.kwonlyargs.is_empty() || !p.posonlyargs.is_empty() {
            self.error(
                file,
                p.range,
                "keyword-only and positional-only parameters are not supported",
            );
        }
        let mut params = Vec::new();
        let mut bad_params = Vec::new();
        for (pi, pd) in p.args.iter().enumerate() {
            let name = pd.parameter.name.id.to_string();
            if let (Some((cid, _)), 0) = (method, pi) {
                // `self`: annotated or not, it is an instance of the class.
                if let Some(ann) = &pd.parameter.annotation
                    && self.resolve_type(module, ann).ok() != Some(Type::Instance(cid))
                {
                    self.error(file, ann.range(), "the first parameter of a method is the instance: annotate it with the class or not at all");
                }
                params.push(Param {
                    name,
                    ty: Type::Instance(cid),
                    default: None,
                });
                continue;
            }
            let ty = match &pd.parameter.annotation {
                None => {
                    self.error(
                        file,
                        pd.parameter.range,
                        format!("parameter '{name}' needs a type annotation"),
                    );
                    bad_params.push(name);
                    continue;
                }
                Some(ann) => match self.resolve_type(module, ann) {
                    Ok(Type::None) => {
                        self.error(file, ann.range(), "a parameter cannot have type None");
                        bad_params.push(name);
                        continue;
                    }
                    Ok(t) => t,
                    Err(e) => {
                        self.error(file, e.range, e.message);
                        bad_params.push(name);
                        continue;
                    }
                },
            };
            let default = match &pd.default {
                None => None,
                Some(d)
                    if matches!(d.as_ref(), Expr::StringLiteral(_))
                        && (ty == Type::Str || ty == Type::Optional(Box::new(Type::Str))) =>
                {
                    let Expr::StringLiteral(lit) = d.as_ref() else {
                        unreachable!()
                    };
                    let id = self.intern(lit.value.to_str());
                    Some(tir::Expr::new(tir::ExprKind::Str(id), ty.clone()))
                }
                Some(d) => match default_value(d, &ty, &self.classes) {
                    Ok(e) => Some(e),
                    Err(msg) => {
                        self.error(file, d.range(), msg);
                        // Its calls cannot be checked against a default it lacks.
                        bad_params.push(name.clone());
                        None
                    }
                },
            };
            // A default that was refused above is still a default: no second error.
            if default.is_none()
                && pd.default.is_none()
                && params.iter().any(|q: &Param| q.default.is_some())
            {
                self.error(
                    file,
                    pd.range,
                    "a parameter without a default cannot follow one with a default",
                );
            }
            params.push(Param { name, ty, default });
        }
        let ret = match &def.returns {
            None => {
                self.error(
                    file,
                    def.name.range,
                    format!(
                        "function '{}' needs a return annotation ('-> None' for none)",
                        def.name.id
                    ),
                );
                Type::None
            }
            Some(ann) => match self.resolve_type(module, ann) {
                Ok(t) => t,
                Err(e) => {
                    self.error(file, e.range, e.message);
                    Type::None
                }
            },
        };
        if method.is_some() {
            self.check_dunder_signature(file, def, &params, &ret);
        }
        if method.is_some() && params.is_empty() {
            self.error(
                file,
                def.name.range,
                "a method needs 'self' as its first parameter",
            );
        }
        self.func_sigs[fid.0 as usize] = Some(FuncSig {
            module,
            name: def.name.id.to_string(),
            params,
            ret,
            def_start: def.name.range.start().to_u32(),
            def_end: def.name.range.end().to_u32(),
            stmt_index: index,
            method,
            bad_params,
        });
    }
}

fn optional(t: Type, range: TextRange) -> Result<Type, TypeError> {
    match t {
        Type::Optional(_) | Type::Object => Ok(t),
        Type::None => err(range, "'None | None' is just None"),
        t => Ok(Type::Optional(Box::new(t))),
    }
}

/// The type of a literal constant (`NAME = 3`), if the expression is one.
fn literal_type(e: &Expr) -> Option<Type> {
    match e {
        Expr::NumberLiteral(n) => match n.value {
            ast::Number::Int(_) => Some(Type::Int),
            ast::Number::Float(_) => Some(Type::Float),
            _ => None,
        },
        Expr::UnaryOp(u) if matches!(u.op, ast::UnaryOp::USub | ast::UnaryOp::UAdd) => {
            literal_type(&u.operand)
        }
        Expr::StringLiteral(_) => Some(Type::Str),
        Expr::BooleanLiteral(_) => Some(Type::Bool),
        _ => None,
    }
}

/// Lowers a literal default value of a parameter of type `ty`.
fn default_value(e: &Expr, ty: &Type, classes: &[ClassInfo]) -> Result<tir::Expr, String> {
    let bad = || {
        let t = type_name(ty, classes);
        match ty {
            Type::Optional(inner) if matches!(**inner, Type::Int | Type::Float | Type::Bool) => {
                format!(
                    "a parameter of type {t} can only default to None: set the value in the body ('if x is None: x = ...')"
                )
            }
            _ => format!("a default value must be a literal of the parameter's type ({t})"),
        }
    };
    let value = match (e, ty) {
        (Expr::NoneLiteral(_), Type::Optional(_)) => {
            tir::Expr::new(tir::ExprKind::None, ty.clone())
        }
        (Expr::BooleanLiteral(b), Type::Bool) => tir::Expr::bool(b.value),
        (Expr::NumberLiteral(_) | Expr::UnaryOp(_), Type::Int | Type::Float) => {
            let (neg, inner) = match e {
                Expr::UnaryOp(u) if u.op == ast::UnaryOp::USub => (true, u.operand.as_ref()),
                Expr::UnaryOp(u) if u.op == ast::UnaryOp::UAdd => (false, u.operand.as_ref()),
                other => (false, other),
            };
            match (inner, ty) {
                (Expr::NumberLiteral(n), Type::Int) => match &n.value {
                    ast::Number::Int(i) => {
                        let v = i
                            .as_i64()
                            .ok_or("integer literal does not fit in 64 bits")?;
                        tir::Expr::int(if neg { v.wrapping_neg() } else { v })
                    }
                    _ => return Err(bad()),
                },
                (Expr::NumberLiteral(n), Type::Float) => match &n.value {
                    ast::Number::Float(f) => {
                        tir::Expr::new(tir::ExprKind::Float(if neg { -f } else { *f }), Type::Float)
                    }
                    _ => return Err(bad()),
                },
                _ => return Err(bad()),
            }
        }
        _ => return Err(bad()),
    };
    Ok(value)
}

/// How a type is written in messages; classes are written with the names they are declared with.
pub(super) fn type_name(t: &Type, classes: &[ClassInfo]) -> String {
    let name = |t: &Type| type_name(t, classes);
    match t {
        Type::Int => "int".into(),
        Type::Float => "float".into(),
        Type::Bool => "bool".into(),
        Type::Str => "str".into(),
        Type::None => "None".into(),
        Type::List(e) => format!("list[{}]", name(e)),
        Type::Dict(k, v) => format!("dict[{}, {}]", name(k), name(v)),
        Type::Tuple(ts) => format!(
            "tuple[{}]",
            ts.iter().map(name).collect::<Vec<_>>().join(", ")
        ),
        Type::VarTuple(t) => format!("tuple[{}, ...]", name(t)),
        Type::Optional(t) => format!("{} | None", name(t)),
        Type::Set(t) => format!("set[{}]", name(t)),
        Type::DictKeys(k) => format!("dict_keys[{}]", name(k)),
        Type::DictValues(v) => format!("dict_values[{}]", name(v)),
        Type::DictItems(k, v) => format!("dict_items[{}, {}]", name(k), name(v)),
        Type::Callable(ps, r) => format!(
            "Callable[[{}], {}]",
            ps.iter().map(name).collect::<Vec<_>>().join(", "),
            name(r)
        ),
        Type::File => "TextIO".into(),
        Type::Object => "object".into(),
        Type::Instance(c) => classes
            .get(c.0 as usize)
            .map(|info| info.name.clone())
            .unwrap_or_else(|| format!("class #{}", c.0)),
    }
}
