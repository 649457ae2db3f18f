//! The per-function checking state, [`Checker`]. One pass over each body in
//! source order does name resolution, type checking, definite-assignment and
//! narrowing analysis, and desugaring. Errors are reported once and the
//! offending statement is dropped, so one mistake does not cascade.
//!
//! This module holds the few operations every checking module uses: reporting
//! an error once ([`Reported`]), declaring locals and temporaries, and bounding
//! the nesting depth the checker follows.
//!
//! The checking itself is spread by job over sibling modules, each adding methods
//! to `Checker`: statements (`stmts.rs`, `loops.rs`, `exceptions.rs`), conditions
//! and narrowing (`narrowing.rs`, over the abstract state of `flow.rs`), and
//! expressions (`exprs.rs`, `operators.rs` and the modules for builtins, classes,
//! collections, strings, integers and input/output).

use std::collections::{HashMap, HashSet};

use ruff_python_ast::Stmt;
use ruff_text_size::{Ranged, TextRange};

use super::context::Context;
use super::defs::{Binding, ModId};
use super::flow::{Flow, LoopFrame, NarrowKey};
use super::scan::scan_block;
use crate::diag::FileId;
use crate::tir::{self, ClassId, LocalId, Type};

/// Marks an error that has already been reported.
#[derive(Debug)]
pub(super) struct Reported;

pub(super) type R<T> = Result<T, Reported>;

/// The deepest expression or statement nesting the checker follows.
pub(super) const MAX_DEPTH: usize = 150;

/// The per-function checking state.
pub(super) struct Checker<'c, 'a> {
    pub cx: &'c mut Context<'a>,
    pub module: ModId,
    pub file: FileId,
    pub locals: Vec<tir::Local>,
    /// Declared (typed) locals by name.
    pub names: HashMap<String, LocalId>,
    /// Every name the function assigns (Python's local set), minus `global` ones.
    pub local_names: HashSet<String>,
    /// Names with an annotation somewhere in the function.
    pub annotations: HashMap<String, Type>,
    /// How many comprehensions the expression being checked is inside (past
    /// their first iterable, which CPython evaluates in the enclosing scope).
    pub in_comprehension: u32,
    pub globals_declared: HashSet<String>,
    pub ret: Type,
    pub flow: Flow,
    /// The enclosing loops, innermost last.
    pub loops: Vec<LoopFrame>,
    /// Whether the next loop keeps the narrowings it starts with (see [`Checker::loop_stmt`]).
    pub optimistic_next_loop: bool,
    /// How many optimistic loop checks are in progress (bounds the retries).
    pub optimistic_depth: usize,
    /// What the last loop checked saw: its head narrowings and its back edges.
    pub last_loop: Option<(HashMap<NarrowKey, Type>, Vec<Flow>)>,
    /// Names whose declaration failed: uses are silently errors.
    pub poisoned: HashSet<String>,
    pub depth: usize,
    /// `elif` clauses entered along the current path (see [`super::stmts::MAX_ELIF_DEPTH`]).
    pub elif_depth: usize,
    /// Some statement failed to check (its error is reported, perhaps elsewhere).
    pub failed: bool,
    /// In a method: its class and the `self` local (for `super()`).
    pub method_of: Option<(ClassId, LocalId)>,
    /// The exception locals of the enclosing `except` clauses, innermost last (for bare `raise`).
    pub handlers: Vec<LocalId>,
}

impl<'c, 'a> Checker<'c, 'a> {
    pub(super) fn new(cx: &'c mut Context<'a>, module: ModId, file: FileId, ret: Type) -> Self {
        Checker {
            cx,
            module,
            file,
            locals: Vec::new(),
            names: HashMap::new(),
            local_names: HashSet::new(),
            annotations: HashMap::new(),
            in_comprehension: 0,
            globals_declared: HashSet::new(),
            ret,
            flow: Flow {
                reachable: true,
                assigned: Vec::new(),
                narrowed: HashMap::new(),
            },
            loops: Vec::new(),
            optimistic_next_loop: false,
            optimistic_depth: 0,
            last_loop: None,
            poisoned: HashSet::new(),
            depth: 0,
            elif_depth: 0,
            failed: false,
            method_of: None,
            handlers: Vec::new(),
        }
    }

    /// How a type is written in messages.
    pub(super) fn type_name(&self, t: &Type) -> String {
        self.cx.type_name(t)
    }

    pub(super) fn error(&mut self, range: TextRange, message: impl Into<String>) -> Reported {
        self.cx.error(self.file, range, message);
        Reported
    }

    /// Declares a named local.
    pub(super) fn declare(&mut self, name: &str, ty: Type) -> LocalId {
        let id = LocalId(self.locals.len() as u32);
        self.locals.push(tir::Local {
            name: name.to_string(),
            ty,
        });
        self.names.insert(name.to_string(), id);
        id
    }

    /// A fresh compiler temporary.
    pub(super) fn temp(&mut self, ty: Type) -> LocalId {
        let id = LocalId(self.locals.len() as u32);
        self.locals.push(tir::Local {
            name: format!("$t{}", id.0),
            ty,
        });
        id
    }

    /// Binds `value` to a fresh temporary: returns the assignment and a reader.
    pub(super) fn bind_temp(&mut self, value: tir::Expr) -> (tir::Stmt, tir::Expr) {
        let ty = value.ty.clone();
        let t = self.temp(ty.clone());
        (tir::Stmt::AssignLocal(t, value), tir::Expr::local(t, ty))
    }

    /// Collects the function's local names, annotations and `global` declarations.
    pub(super) fn prescan(&mut self, body: &[Stmt]) {
        let mut assigned = Vec::new();
        let mut anns = Vec::new();
        let mut globals = Vec::new();
        scan_block(body, &mut assigned, &mut anns, &mut globals);
        for g in globals {
            let gname = g.id.to_string();
            match self.cx.module(self.module).scope.get(&gname) {
                Some(Binding::Global(_)) => {
                    self.globals_declared.insert(gname);
                }
                _ => {
                    self.error(
                        g.range,
                        format!("'global {gname}' names no module-level global of this module"),
                    );
                }
            }
        }
        for name in assigned {
            if !self.globals_declared.contains(&name) {
                self.local_names.insert(name);
            }
        }
        for (name, ann) in anns {
            if self.globals_declared.contains(&name) {
                continue;
            }
            match self.cx.resolve_type(self.module, ann) {
                Ok(t) => match self.annotations.get(&name) {
                    Some(prev) if *prev != t => {
                        self.error(
                            ann.range(),
                            format!("'{name}' is annotated twice with different types"),
                        );
                    }
                    _ => {
                        self.annotations.insert(name, t);
                    }
                },
                Err(e) => {
                    self.cx.error(self.file, e.range, e.message);
                    self.poisoned.insert(name);
                }
            }
        }
    }

    pub(super) fn enter(&mut self, range: TextRange) -> R<()> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            self.depth -= 1;
            return Err(self.error(
                range,
                format!("nesting too deep: more than {MAX_DEPTH} levels"),
            ));
        }
        Ok(())
    }
}
