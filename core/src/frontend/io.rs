//! Input and output: `open` and the methods of text files, `sys.stdin`,
//! `sys.stdout`, `sys.stderr`, `sys.exit`, `input`, `print(file=, flush=)`,
//! `for line in f` and the `with` statement (for files).
//!
//! A file is [`Type::File`], an opaque object every operation of which is a
//! runtime call (see `runtime/src/file.rs`). What CPython would decide at run
//! time from a mode or an encoding string is decided here from literals, and
//! anything else is refused. `sys.exit(n)` is a `raise` of `SystemExit`, so
//! `finally` blocks and `with` statements run on the way out.

use ruff_python_ast::{self as ast, Expr};
use ruff_text_size::Ranged;

use super::checker::{Checker, R};
use super::defs::{Binding, Slot};
use crate::layout;
use crate::rt::{ExcKind, MISSING, Rt};
use crate::tir::{self, BinaryOp, ClassId, ExprKind, Type};

/// The text file methods, for messages.
const FILE_METHODS: &str = "read, readline, readlines, write, flush and close";

impl Checker<'_, '_> {
    /// Whether `e` is the name `sys` bound by `import sys`.
    fn is_sys(&self, e: &Expr) -> bool {
        matches!(e, Expr::Name(n)
            if !self.local_names.contains(n.id.as_str())
                && self.cx.module(self.module).scope.get(n.id.as_str()) == Some(&Binding::SysModule))
    }

    /// `sys.stdin`, `sys.stdout`, `sys.stderr`; `None` when `a` is not an attribute of `sys`.
    pub(super) fn sys_attr(&mut self, a: &ast::ExprAttribute) -> Option<R<tir::Expr>> {
        if !self.is_sys(&a.value) {
            return None;
        }
        let n = match a.attr.id.as_str() {
            "stdin" => 0,
            "stdout" => 1,
            "stderr" => 2,
            "argv" => {
                return Some(Err(self.error(
                    a.range,
                    "sys.argv is not supported: use the argv parameter of main",
                )));
            }
            other => {
                return Some(Err(self.error(
                    a.attr.range,
                    format!(
                        "'sys.{other}' is not supported (only sys.stdin, sys.stdout, sys.stderr and sys.exit are)"
                    ),
                )));
            }
        };
        Some(Ok(tir::Expr::rt(
            Rt::FileStd,
            vec![tir::Expr::int(n)],
            Type::File,
        )))
    }

    /// A call of a function of `sys` in an expression: only `sys.exit`, which must be a statement.
    pub(super) fn sys_call(
        &mut self,
        a: &ast::ExprAttribute,
        c: &ast::ExprCall,
    ) -> Option<R<tir::Expr>> {
        if !self.is_sys(&a.value) {
            return None;
        }
        Some(Err(match a.attr.id.as_str() {
            "exit" => self.error(c.range(), "sys.exit(...) must be a statement of its own"),
            other => self.error(
                a.attr.range,
                format!("'sys.{other}' is not supported (only sys.stdin, sys.stdout, sys.stderr and sys.exit are)"),
            ),
        }))
    }

    /// The statement `sys.exit(status)`: a `raise` of `SystemExit`; `None` for other statements.
    pub(super) fn sys_exit_stmt(&mut self, e: &Expr) -> Option<R<tir::Stmt>> {
        let Expr::Call(c) = e else { return None };
        let Expr::Attribute(a) = c.func.as_ref() else {
            return None;
        };
        if !self.is_sys(&a.value) || a.attr.id.as_str() != "exit" {
            return None;
        }
        Some(self.sys_exit(c))
    }

    fn sys_exit(&mut self, c: &ast::ExprCall) -> R<tir::Stmt> {
        let args = self.positional(c, "exit", 0, 1)?;
        let code = match args.first() {
            None | Some(Expr::NoneLiteral(_)) => tir::Expr::int(MISSING),
            Some(e) => {
                let v = self.expr(e, Some(&Type::Int))?;
                if v.ty != Type::Int {
                    let t = v.ty.clone();
                    return Err(self.error(
                        e.range(),
                        format!(
                            "sys.exit() takes an int status (or nothing), not {}",
                            self.type_name(&t)
                        ),
                    ));
                }
                v
            }
        };
        Ok(tir::Stmt::Raise(tir::Expr::rt(
            Rt::SystemExitNew,
            vec![code],
            Type::Instance(ClassId(ExcKind::SystemExit as u32)),
        )))
    }

    /// `open(file, mode="r", encoding=None)`: text files only, mode and encoding literals.
    pub(super) fn open_file(&mut self, c: &ast::ExprCall) -> R<tir::Expr> {
        let b = self.bind_args(
            c,
            "open",
            &[
                Slot::arg("file"),
                Slot::arg_opt("mode"),
                Slot::arg_opt("encoding"),
            ],
        )?;
        let path = self.expr_as(b[0].expect("required"), &Type::Str)?;
        let mode = match b[1] {
            None => 0,
            Some(Expr::StringLiteral(s)) => match s.value.to_str() {
                "r" | "rt" | "tr" => 0,
                "w" | "wt" | "tw" => 1,
                "a" | "at" | "ta" => 2,
                other => {
                    return Err(self.error(
                        s.range,
                        format!(
                            "open() mode '{other}' is not supported: only the text modes 'r', 'w' and 'a' are"
                        ),
                    ));
                }
            },
            Some(e) => {
                return Err(self.error(
                    e.range(),
                    "the mode of open() must be a string literal ('r', 'w' or 'a')",
                ));
            }
        };
        let encoding = match b[2] {
            None | Some(Expr::NoneLiteral(_)) => {
                tir::Expr::new(ExprKind::None, Type::Optional(Box::new(Type::Str)))
            }
            Some(Expr::StringLiteral(s))
                if matches!(
                    s.value.to_str().to_ascii_lowercase().as_str(),
                    "utf-8" | "utf8" | "utf_8"
                ) =>
            {
                let lit = self.str_lit(s.value.to_str());
                tir::Expr::new(lit.kind, Type::Optional(Box::new(Type::Str)))
            }
            Some(e) => {
                return Err(self.error(
                    e.range(),
                    "only encoding=\"utf-8\" is supported (text files are UTF-8)",
                ));
            }
        };
        Ok(tir::Expr::rt(
            Rt::FileOpen,
            vec![path, tir::Expr::int(mode), encoding],
            Type::File,
        ))
    }

    /// `input()` and `input(prompt)`.
    pub(super) fn input(&mut self, c: &ast::ExprCall) -> R<tir::Expr> {
        let args = self.positional(c, "input", 0, 1)?;
        let prompt = match args.first() {
            None => tir::Expr::new(ExprKind::None, Type::Optional(Box::new(Type::Str))),
            Some(e) => {
                let v = self.expr_as(e, &Type::Str)?;
                tir::Expr::new(v.kind, Type::Optional(Box::new(Type::Str)))
            }
        };
        Ok(tir::Expr::rt(Rt::Input, vec![prompt], Type::Str))
    }

    /// `print`'s `file=` (the file to write to, `None` for stdout) and `flush=`
    /// (the statements flushing it after the writes), evaluated into `stmts`.
    pub(super) fn print_file_flush(
        &mut self,
        file: Option<&Expr>,
        flush: Option<&Expr>,
        stmts: &mut Vec<tir::Stmt>,
    ) -> R<(Option<tir::Expr>, Vec<tir::Stmt>)> {
        let file = match file {
            None | Some(Expr::NoneLiteral(_)) => None,
            Some(e) => {
                let v = self.expr_as(e, &Type::File)?;
                Some(self.stable(v, stmts))
            }
        };
        let mut after = Vec::new();
        if let Some(e) = flush {
            let v = self.expr(e, Some(&Type::Bool))?;
            let cond = self.truthy(v)?;
            let cond = self.stable(cond, stmts);
            let target = file
                .clone()
                .unwrap_or_else(|| tir::Expr::rt(Rt::FileStd, vec![tir::Expr::int(1)], Type::File));
            after.push(tir::Stmt::If {
                cond,
                then_body: vec![tir::Stmt::Expr(tir::Expr::rt(
                    Rt::FileFlush,
                    vec![target],
                    Type::None,
                ))],
                else_body: Vec::new(),
            });
        }
        Ok((file, after))
    }

    /// A method call on a text file.
    pub(super) fn file_method(
        &mut self,
        f: tir::Expr,
        a: &ast::ExprAttribute,
        c: &ast::ExprCall,
    ) -> R<tir::Expr> {
        let m = a.attr.id.as_str();
        let (rt, ret, args) = match m {
            "read" => {
                let args = self.positional(c, "read", 0, 1)?;
                let n = match args.first() {
                    None | Some(Expr::NoneLiteral(_)) => tir::Expr::int(-1),
                    Some(e) => self.expr_as(e, &Type::Int)?,
                };
                (Rt::FileRead, Type::Str, vec![n])
            }
            "readline" => {
                self.positional(c, "readline", 0, 0)?;
                (Rt::FileReadline, Type::Str, vec![])
            }
            "readlines" => {
                self.positional(c, "readlines", 0, 0)?;
                (Rt::FileReadlines, Type::List(Box::new(Type::Str)), vec![])
            }
            "write" => {
                let args = self.positional(c, "write", 1, 1)?;
                let s = self.expr_as(&args[0], &Type::Str)?;
                (Rt::FileWrite, Type::Int, vec![s])
            }
            "flush" => {
                self.positional(c, "flush", 0, 0)?;
                (Rt::FileFlush, Type::None, vec![])
            }
            "close" => {
                self.positional(c, "close", 0, 0)?;
                (Rt::FileClose, Type::None, vec![])
            }
            other => {
                return Err(self.error(
                    a.attr.range,
                    format!("TextIO has no method '{other}' (supported: {FILE_METHODS})"),
                ));
            }
        };
        let mut all = vec![f];
        all.extend(args);
        Ok(tir::Expr::rt(rt, all, ret))
    }

    /// An attribute of a text file: only `closed`.
    pub(super) fn file_attr(&mut self, f: tir::Expr, attr: &ast::Identifier) -> R<tir::Expr> {
        match attr.id.as_str() {
            "closed" => Ok(tir::Expr::rt(Rt::FileClosed, vec![f], Type::Bool)),
            other => Err(self.error(
                attr.range,
                format!(
                    "TextIO has no attribute '{other}' (only 'closed'; methods: {FILE_METHODS})"
                ),
            )),
        }
    }

    /// `for line in f`: `readline()` until it returns "".
    pub(super) fn for_file(
        &mut self,
        f: &ast::StmtFor,
        file: tir::Expr,
        out: &mut Vec<tir::Stmt>,
    ) -> R<()> {
        let (s, file) = self.bind_temp(file);
        let line = self.temp(Type::Str);
        let read = tir::Expr::rt(Rt::FileReadline, vec![file], Type::Str);
        let cond = tir::Expr::new(
            ExprKind::Block(
                vec![tir::Stmt::AssignLocal(line, read)],
                Box::new(tir::Expr::binary(
                    BinaryOp::IntGt,
                    tir::Expr::field(
                        tir::Expr::local(line, Type::Str),
                        layout::STR_BYTE_LEN,
                        Type::Int,
                    ),
                    tir::Expr::int(0),
                    Type::Bool,
                )),
            ),
            Type::Bool,
        );
        let mut prologue = Vec::new();
        self.bind_loop_target(&f.target, tir::Expr::local(line, Type::Str), &mut prologue)?;
        let head = self.flow.clone();
        let body = self.loop_body(&f.body, head, prologue);
        out.push(s);
        out.push(tir::Stmt::While { cond, body });
        Ok(())
    }

    /// `with EXPR as NAME, ...: body` for files: the file is closed on every way out.
    pub(super) fn with_stmt(&mut self, w: &ast::StmtWith, out: &mut Vec<tir::Stmt>) -> R<()> {
        if w.is_async {
            return Err(self.error(w.range, "'async with' is not supported"));
        }
        self.with_items(&w.items, &w.body, out)
    }

    fn with_items(
        &mut self,
        items: &[ast::WithItem],
        body: &[ast::Stmt],
        out: &mut Vec<tir::Stmt>,
    ) -> R<()> {
        let Some((item, rest)) = items.split_first() else {
            self.block(body, out);
            return Ok(());
        };
        let v = self.expr(&item.context_expr, None)?;
        if v.ty != Type::File {
            let t = v.ty.clone();
            return Err(self.not_narrowed_or(
                item.context_expr.range(),
                &t,
                "cannot be used in 'with' (only files can)",
            ));
        }
        let (s, file) = self.bind_temp(v);
        out.push(s);
        // A file's `__enter__` checks that it is open and returns the file itself.
        out.push(tir::Stmt::Expr(tir::Expr::rt(
            Rt::FileEnter,
            vec![file.clone()],
            Type::None,
        )));
        if let Some(target) = &item.optional_vars {
            self.assign_value(target, file.clone(), out)?;
        }
        let mut inner = Vec::new();
        self.with_items(rest, body, &mut inner)?;
        out.push(tir::Stmt::Try {
            body: inner,
            handlers: Vec::new(),
            else_body: Vec::new(),
            finally_body: vec![tir::Stmt::Expr(tir::Expr::rt(
                Rt::FileClose,
                vec![file],
                Type::None,
            ))],
        });
        Ok(())
    }
}
