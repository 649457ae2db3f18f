//! C functions: `seam.c_library(...)`, `@seam.c_function` and `seam.CPointer`.
//!
//! ```python
//! import seam
//! seam.c_library(sources=["glue.c"], libraries=["z"])
//!
//! @seam.c_function
//! def zg_crc32(text: str) -> int: ...
//! ```
//!
//! A `c_function` stub becomes an ordinary Seam function whose body is one
//! [`tir::ExprKind::CCall`] of the C symbol (the stub's name, or
//! `symbol="..."`), so it is exported and used as a value like any other; a
//! call of it by name in the program's own sources goes to C directly (the
//! same lowering, [`Checker::c_call`], at the call site). Parameters and results map to C as `int` ↔ `int64_t`, `float` ↔
//! `double`, `bool` ↔ `bool`, `CPointer` ↔ `void *` (it is an `int` here: a
//! `NewType` of `int` to mypy), `str` ↔ `const char *` (the `str`'s own
//! NUL-terminated bytes in; a copy out, see `runtime/src/cffi.rs`) and `None` ↔
//! `void`. `c_library` records, per module, the C sources to compile with it,
//! their include directories and flags, and the libraries to link; the command
//! line compiles and links them (`cli/src/cbuild.rs`).

use std::path::Path;

use ruff_python_ast::{self as ast, Expr, Stmt};
use ruff_text_size::{Ranged, TextRange};

use super::checker::{Checker, R};
use super::context::Context;
use super::defs::{Binding, FuncSig, ModId, SeamName};
use crate::rt::{Abi, Rt};
use crate::tir::{self, ExprKind, LocalId, Type};

impl Context<'_> {
    /// The `seam` item `e` names, bare (`from seam import c_function`) or
    /// qualified (`seam.c_function`).
    pub(super) fn seam_item(&self, module: ModId, e: &Expr) -> Option<SeamName> {
        let scope = &self.module(module).scope;
        match e {
            Expr::Name(n) => match scope.get(n.id.as_str()) {
                Some(Binding::Seam(name)) => Some(*name),
                _ => None,
            },
            Expr::Attribute(a) => match a.value.as_ref() {
                Expr::Name(m) if scope.get(m.id.as_str()) == Some(&Binding::SeamModule) => {
                    SeamName::from_attr(a.attr.id.as_str())
                }
                _ => None,
            },
            _ => None,
        }
    }

    /// Whether the function statement is a `@c_function` stub.
    pub(super) fn is_c_function(&self, module: ModId, def: &ast::StmtFunctionDef) -> bool {
        def.decorator_list.iter().any(|d| {
            let target = match &d.expression {
                Expr::Call(c) => c.func.as_ref(),
                other => other,
            };
            self.seam_item(module, target) == Some(SeamName::CFunction)
        })
    }
}

/// The C types a `c_function` may take: the machine class of each Seam type.
fn c_param_abi(ty: &Type) -> Option<Abi> {
    match ty {
        Type::Int | Type::Str => Some(Abi::I64),
        Type::Float => Some(Abi::F64),
        Type::Bool => Some(Abi::I8),
        _ => None,
    }
}

/// Whether `name` can be a C identifier the program may define or call.
fn c_identifier(name: &str) -> bool {
    let mut chars = name.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// What a `@c_function` stub calls: the C symbol and the machine classes of
/// its parameters and result.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct CStub {
    pub symbol: String,
    pub params: Vec<Abi>,
    pub ret: Option<Abi>,
}

/// Whether a stub's body is what a `@c_function` may have: `...`, or `raise
/// NotImplementedError`, which mypy accepts as the body of a function returning
/// a value; a docstring may come first.
fn is_stub_body(body: &[Stmt]) -> bool {
    let body = match body {
        [Stmt::Expr(doc), rest @ ..]
            if matches!(doc.value.as_ref(), Expr::StringLiteral(_)) && !rest.is_empty() =>
        {
            rest
        }
        all => all,
    };
    match body {
        [Stmt::Expr(e)] => matches!(e.value.as_ref(), Expr::EllipsisLiteral(_)),
        [Stmt::Raise(r)] => {
            r.cause.is_none()
                && matches!(r.exc.as_deref(), Some(Expr::Name(n))
                    if n.id.as_str() == "NotImplementedError")
        }
        _ => false,
    }
}

impl Context<'_> {
    /// The C symbol of a `@c_function` stub of module `module`: its name, or
    /// the decorator's `symbol=`; the range and message of what is wrong.
    fn stub_symbol(
        &self,
        module: ModId,
        def: &ast::StmtFunctionDef,
    ) -> Result<String, (TextRange, String)> {
        let mut symbol = def.name.id.to_string();
        let mut range = def.name.range;
        for d in &def.decorator_list {
            let Expr::Call(c) = &d.expression else {
                continue;
            };
            if self.seam_item(module, &c.func) != Some(SeamName::CFunction) {
                continue;
            }
            if !c.arguments.args.is_empty() {
                return Err((
                    c.arguments.range,
                    "c_function takes only the keyword argument symbol=\"NAME\"".to_owned(),
                ));
            }
            for k in &c.arguments.keywords {
                match (k.arg.as_ref().map(|a| a.id.as_str()), &k.value) {
                    (Some("symbol"), Expr::StringLiteral(s)) => {
                        symbol = s.value.to_str().to_string();
                        range = s.range;
                    }
                    _ => {
                        return Err((
                            k.range,
                            "c_function takes only the keyword argument symbol=\"NAME\", a \
                             string literal"
                                .to_owned(),
                        ));
                    }
                }
            }
        }
        if !c_identifier(&symbol) {
            return Err((range, format!("'{symbol}' is not a C identifier")));
        }
        if symbol.starts_with("seam_") {
            return Err((
                range,
                format!(
                    "the C symbol '{symbol}' starts with 'seam_', which the Seam runtime reserves: \
                     name the C function otherwise (or give symbol=\"...\")"
                ),
            ));
        }
        Ok(symbol)
    }

    /// What function `f` calls in C, when it is a well-formed `@c_function`
    /// stub of this program's sources (not an imported one); its errors are
    /// reported when its body is built, never here.
    pub(super) fn c_stub_of(&self, f: tir::FuncId) -> Option<CStub> {
        let sig = self.func_sigs.get(f.0 as usize)?.as_ref()?;
        if sig.method.is_some() || !sig.bad_params.is_empty() {
            return None;
        }
        let Some(Stmt::FunctionDef(def)) = self.module(sig.module).body.get(sig.stmt_index) else {
            return None;
        };
        if !self.is_c_function(sig.module, def) || !is_stub_body(&def.body) {
            return None;
        }
        let symbol = self.stub_symbol(sig.module, def).ok()?;
        let params = sig
            .params
            .iter()
            .map(|p| c_param_abi(&p.ty))
            .collect::<Option<Vec<_>>>()?;
        let ret = match &sig.ret {
            Type::None => None,
            t => Some(c_param_abi(t)?),
        };
        Some(CStub {
            symbol,
            params,
            ret,
        })
    }
}

impl Checker<'_, '_> {
    /// The call of `stub` with `args` (values of the stub's parameter types,
    /// evaluated in order), returning `ret`: every argument evaluated before
    /// any is converted, as CPython's `ctypes` does, then each `str` passed
    /// as its bytes, and a `str` result copied.
    pub(super) fn c_call(&mut self, stub: &CStub, args: Vec<tir::Expr>, ret: &Type) -> tir::Expr {
        let mut stmts = Vec::new();
        let mut converted = Vec::new();
        for a in args {
            let value = if matches!(a.kind, ExprKind::Local(_)) {
                a
            } else {
                let (s, t) = self.bind_temp(a);
                stmts.push(s);
                t
            };
            converted.push(if value.ty == Type::Str {
                tir::Expr::rt(Rt::StrAsC, vec![value], Type::Int)
            } else {
                value
            });
        }
        let call_ty = match ret {
            Type::Str => Type::Int,
            t => t.clone(),
        };
        let call = tir::Expr::new(
            ExprKind::CCall {
                symbol: stub.symbol.clone(),
                params: stub.params.clone(),
                ret: stub.ret,
                args: converted,
            },
            call_ty,
        );
        let result = if *ret == Type::Str {
            // The symbol names the function in the message of a null result.
            let name = self.cx.intern(&stub.symbol);
            let name = tir::Expr::new(ExprKind::Str(name), Type::Str);
            tir::Expr::rt(Rt::StrFromC, vec![call, name], Type::Str)
        } else {
            call
        };
        if stmts.is_empty() {
            result
        } else {
            super::values::block(stmts, result)
        }
    }

    /// The body of a `@c_function` stub `def` with parameters `params`: its
    /// errors reported, then one call of the C function ([`Checker::c_call`]).
    pub(super) fn c_function_body(
        &mut self,
        def: &ast::StmtFunctionDef,
        sig: &FuncSig,
        params: &[LocalId],
    ) -> R<Vec<tir::Stmt>> {
        if !is_stub_body(&def.body) {
            return Err(self.error(
                def.name.range,
                format!(
                    "the body of c_function '{}' must be '...' or 'raise NotImplementedError' \
                     (the C function is its body)",
                    sig.name
                ),
            ));
        }
        if sig.method.is_some() {
            return Err(self.error(
                def.name.range,
                "c_function declares a module-level function, not a method",
            ));
        }
        let symbol = match self.cx.stub_symbol(self.module, def) {
            Ok(symbol) => symbol,
            Err((range, message)) => return Err(self.error(range, message)),
        };
        let mut abis = Vec::new();
        for p in &sig.params {
            let Some(abi) = c_param_abi(&p.ty) else {
                let t = p.ty.clone();
                return Err(self.error(
                    def.name.range,
                    format!(
                        "parameter '{}' of c_function '{}' has type {}: C functions take int, \
                         float, bool, str and seam.CPointer",
                        p.name,
                        sig.name,
                        self.type_name(&t)
                    ),
                ));
            };
            abis.push(abi);
        }
        let ret = match &sig.ret {
            Type::None => None,
            t => match c_param_abi(t) {
                Some(abi) => Some(abi),
                None => {
                    let t = t.clone();
                    return Err(self.error(
                        def.name.range,
                        format!(
                            "c_function '{}' returns {}: C functions return int, float, bool, \
                             str, seam.CPointer or None",
                            sig.name,
                            self.type_name(&t)
                        ),
                    ));
                }
            },
        };
        let signature = format!("{abis:?} -> {ret:?}");
        if let Some((other, other_sig)) = self.cx.c_symbols.get(&symbol)
            && *other_sig != signature
        {
            let other = other.clone();
            return Err(self.error(
                def.name.range,
                format!(
                    "the C function '{symbol}' is declared again with other types (first by \
                     '{other}'): one C symbol has one signature"
                ),
            ));
        }
        self.cx
            .c_symbols
            .insert(symbol.clone(), (sig.name.clone(), signature));
        let stub = CStub {
            symbol,
            params: abis,
            ret,
        };
        let args = sig
            .params
            .iter()
            .zip(params)
            .map(|(p, &local)| tir::Expr::local(local, p.ty.clone()))
            .collect();
        let call = self.c_call(&stub, args, &sig.ret);
        Ok(match &sig.ret {
            Type::None => vec![tir::Stmt::Expr(call), tir::Stmt::Return(None)],
            _ => vec![tir::Stmt::Return(Some(call))],
        })
    }

    /// A call of `CPointer`, `c_library` or `c_function` in an expression.
    pub(super) fn c_item_call(&mut self, item: SeamName, c: &ast::ExprCall) -> R<tir::Expr> {
        match item {
            SeamName::CPointer => {
                let [x] = self.positional(c, "CPointer", 1, 1)? else {
                    unreachable!("positional checked the count")
                };
                let v = self.expr(x, Some(&Type::Int))?;
                if v.ty != Type::Int {
                    let t = v.ty.clone();
                    return Err(self.error(
                        x.range(),
                        format!("CPointer() takes an int, not {}", self.type_name(&t)),
                    ));
                }
                Ok(v)
            }
            SeamName::CLibrary => Err(self.error(
                c.range(),
                "c_library(...) declares a module's C code: it is a statement of its own at the \
                 module's top level",
            )),
            _ => Err(self.error(
                c.range(),
                "c_function is a decorator: @c_function above a typed stub 'def f(x: int) -> int: ...'",
            )),
        }
    }

    /// `seam.c_library(sources=[...], ...)` at a module's top level: the C
    /// code the module brings, recorded for the build.
    pub(super) fn c_library(&mut self, c: &ast::ExprCall) -> R<()> {
        let module_name = self.cx.module(self.module).name.clone();
        if self
            .cx
            .program
            .c_libraries
            .iter()
            .any(|l| l.module == module_name)
        {
            return Err(self.error(
                c.range(),
                "a module declares its C code in one c_library(...) call",
            ));
        }
        if !c.arguments.args.is_empty() {
            return Err(self.error(
                c.arguments.range,
                "c_library takes keyword arguments: sources, include_dirs, library_dirs, \
                 libraries, cflags (lists of string literals)",
            ));
        }
        let dir = Path::new(self.cx.sources.path(self.file))
            .parent()
            .map(Path::to_path_buf)
            .unwrap_or_default();
        let mut lib = tir::CLibrary {
            module: module_name,
            ..Default::default()
        };
        for k in &c.arguments.keywords {
            let Some(arg) = k.arg.as_ref().map(|a| a.id.to_string()) else {
                return Err(self.error(k.range, "c_library takes keyword arguments only"));
            };
            let items = self.string_list(&k.value, &arg)?;
            for (text, range) in items {
                match arg.as_str() {
                    "sources" => {
                        let path = dir.join(&text);
                        if self.cx.loader.read_file(&path).is_none() {
                            return Err(self.error(
                                range,
                                format!(
                                    "C source '{text}' not found (looked for {})",
                                    path.display()
                                ),
                            ));
                        }
                        lib.sources.push(path);
                    }
                    "include_dirs" | "library_dirs" => {
                        let path = dir.join(&text);
                        if !self.cx.loader.is_dir(&path) {
                            return Err(self.error(
                                range,
                                format!(
                                    "directory '{text}' not found (looked for {})",
                                    path.display()
                                ),
                            ));
                        }
                        if arg == "include_dirs" {
                            lib.include_dirs.push(path);
                        } else {
                            lib.library_dirs.push(path);
                        }
                    }
                    "libraries" => {
                        let ok = !text.is_empty()
                            && !text.starts_with('-')
                            && text
                                .chars()
                                .all(|c| c.is_ascii_alphanumeric() || "_.+-".contains(c));
                        if !ok {
                            return Err(self.error(
                                range,
                                format!(
                                    "'{text}' is not a library name: give it as the linker's -l \
                                     takes it ('z' for libz.so)"
                                ),
                            ));
                        }
                        lib.libraries.push(text);
                    }
                    "cflags" => lib.cflags.push(text),
                    _ => {
                        return Err(self.error(
                            k.range,
                            format!(
                                "c_library has no argument '{arg}': its arguments are sources, \
                                 include_dirs, library_dirs, libraries and cflags"
                            ),
                        ));
                    }
                }
            }
        }
        self.cx.program.c_libraries.push(lib);
        Ok(())
    }

    /// A list literal of string literals, for `c_library`'s argument `arg`.
    fn string_list(&mut self, e: &Expr, arg: &str) -> R<Vec<(String, TextRange)>> {
        let Expr::List(list) = e else {
            return Err(self.error(
                e.range(),
                format!("c_library's {arg} must be a list of string literals"),
            ));
        };
        let mut out = Vec::new();
        for item in &list.elts {
            match item {
                Expr::StringLiteral(s) => out.push((s.value.to_str().to_string(), s.range)),
                other => {
                    return Err(self.error(
                        other.range(),
                        format!("c_library's {arg} must be a list of string literals"),
                    ));
                }
            }
        }
        Ok(out)
    }
}
