//! Checking function bodies and lowering them to TIR.
//!
//! One pass over each body in source order does name resolution, type
//! checking, definite-assignment and `None`-narrowing analysis (a small
//! abstract state, [`Flow`], merged at joins), and desugaring. Errors are
//! reported once and the offending statement is dropped, so one mistake does
//! not cascade.

use std::collections::{HashMap, HashSet};

use ruff_python_ast::{self as ast, CmpOp, Expr, Operator, Stmt};
use ruff_text_size::{Ranged, TextRange};

use super::ints::int_division;
use super::order;
use super::types::type_name;
use super::{Binding, Context, ModId};
use crate::diag::FileId;
use crate::rt::{ExcKind, Rt};
use crate::tir::{self, BinaryOp, ClassId, ExprKind, LocalId, Type, UnaryOp};

/// Marks an error that has already been reported.
#[derive(Debug)]
pub(super) struct Reported;

pub(super) type R<T> = Result<T, Reported>;

/// The deepest expression or statement nesting the checker follows.
const MAX_DEPTH: usize = 150;

/// How many `elif` clauses may nest along one path through a body (each is an
/// `if` in the `else` branch of the one before, for every later pass too).
pub const MAX_ELIF_DEPTH: usize = 10_000;

/// What is known at a program point.
#[derive(Clone, Debug)]
pub(super) struct Flow {
    /// False after `return`, `raise`, `break`, `continue`.
    pub reachable: bool,
    /// Locals definitely assigned, by [`LocalId`].
    pub assigned: Vec<bool>,
    /// Locals and attribute paths (`x.f.g`) currently known to have a narrower
    /// type than declared (not `None`, or a subclass), as mypy tracks them.
    pub narrowed: HashMap<NarrowKey, Type>,
}

impl Flow {
    fn merge(a: Flow, b: Flow) -> Flow {
        Flow::merge_joining(a, b, |_, _| None)
    }

    /// Like [`Flow::merge`], keeping what `join` makes of a path narrowed
    /// differently on the two sides (`Mid` on one, `Base` on the other).
    fn merge_joining(a: Flow, b: Flow, join: impl Fn(&Type, &Type) -> Option<Type>) -> Flow {
        if !a.reachable {
            return b;
        }
        if !b.reachable {
            return a;
        }
        let n = a.assigned.len().max(b.assigned.len());
        let assigned = (0..n)
            .map(|i| {
                a.assigned.get(i).copied().unwrap_or(false)
                    && b.assigned.get(i).copied().unwrap_or(false)
            })
            .collect();
        let narrowed = a
            .narrowed
            .into_iter()
            .filter_map(|(k, v)| match b.narrowed.get(&k) {
                Some(w) if *w == v => Some((k, v)),
                Some(w) => join(&v, w).map(|j| (k, j)),
                None => None,
            })
            .collect();
        Flow {
            reachable: true,
            assigned,
            narrowed,
        }
    }

    fn mark_assigned(&mut self, id: LocalId) {
        let i = id.0 as usize;
        if self.assigned.len() <= i {
            self.assigned.resize(i + 1, false);
        }
        self.assigned[i] = true;
    }

    fn is_assigned(&self, id: LocalId) -> bool {
        self.assigned.get(id.0 as usize).copied().unwrap_or(false)
    }

    fn unreachable(&self) -> Flow {
        Flow {
            reachable: false,
            ..self.clone()
        }
    }
}

/// What a narrowing is about: a local, or an attribute path starting at a local.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub(super) struct NarrowKey {
    pub root: LocalId,
    pub path: Vec<String>,
}

impl NarrowKey {
    fn local(root: LocalId) -> NarrowKey {
        NarrowKey {
            root,
            path: Vec::new(),
        }
    }
}

impl Flow {
    /// Forgets what was known about a local and every path through it (it was reassigned).
    fn forget_local(&mut self, id: LocalId) {
        self.narrowed.retain(|k, _| k.root != id);
    }

    /// Forgets every path through attribute `name` (some object's `name` was assigned).
    pub(super) fn forget_attr(&mut self, name: &str) {
        self.narrowed
            .retain(|k, _| !k.path.iter().any(|p| p == name));
    }
}

/// Flows leaving one loop's body: at `break`, and back to its head (`continue`, the body's end).
#[derive(Default)]
pub(super) struct LoopFrame {
    pub breaks: Vec<Flow>,
    pub back_edges: Vec<Flow>,
}

/// Narrowings implied by a condition being true or false.
pub(super) type Narrowing = Vec<(NarrowKey, Type)>;

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
    /// `elif` clauses entered along the current path (see [`MAX_ELIF_DEPTH`]).
    pub elif_depth: usize,
    /// Some statement failed to check (its error is reported, perhaps elsewhere).
    pub failed: bool,
    /// In a method: its class and the `self` local (for `super()`).
    pub method_of: Option<(ClassId, LocalId)>,
    /// The exception locals of the enclosing `except` clauses, innermost last (for bare `raise`).
    pub handlers: Vec<LocalId>,
}

impl Context<'_> {
    /// Interns a string literal.
    pub(super) fn intern(&mut self, s: &str) -> tir::StrId {
        if let Some(i) = self.program.strings.iter().position(|x| x == s) {
            return tir::StrId(i as u32);
        }
        self.program.strings.push(s.to_string());
        tir::StrId(self.program.strings.len() as u32 - 1)
    }

    /// Checks every function body and every module's global initialisers, and finds `main`.
    pub(super) fn check_bodies(&mut self, entry: ModId) {
        self.check_bodies_only(entry);
        self.find_main(entry);
    }

    /// Checks every function body and builds the module initialisers.
    pub(super) fn check_bodies_only(&mut self, entry: ModId) {
        for f in 0..self.func_sigs.len() {
            // Imported functions and synthesized getters have no source body.
            let Some(sig) = self.func_sigs[f]
                .as_ref()
                .filter(|s| s.stmt_index != usize::MAX)
                .cloned()
            else {
                continue;
            };
            let file = self
                .module(sig.module)
                .file
                .expect("functions live in files");
            // Synthesized functions (class-constant getters) come with their bodies.
            let Some(stmt) = self.module(sig.module).body.get(sig.stmt_index) else {
                continue;
            };
            let def = match (stmt, sig.method) {
                (Stmt::FunctionDef(def), None) => def.clone(),
                (Stmt::ClassDef(c), Some((_, mi))) => match &c.body[mi] {
                    Stmt::FunctionDef(def) => def.clone(),
                    _ => continue,
                },
                _ => continue,
            };
            let mut ck = Checker::new(self, sig.module, file, sig.ret.clone());
            let mut params = Vec::new();
            for p in &sig.params {
                let id = ck.declare(&p.name, p.ty.clone());
                ck.local_names.insert(p.name.clone());
                ck.flow.mark_assigned(id);
                params.push(id);
            }
            for bad in &sig.bad_params {
                ck.local_names.insert(bad.clone());
                ck.poisoned.insert(bad.clone());
            }
            if let (Some((class, _)), Some(&self_local)) = (sig.method, params.first()) {
                ck.method_of = Some((class, self_local));
            }
            ck.prescan(&def.body);
            let mut body = Vec::new();
            let errors_before = ck.cx.diagnostics.len();
            ck.block(&def.body, &mut body);
            // After an error the flow facts are guesses: don't pile a missing-return error on top.
            let clean = ck.cx.diagnostics.len() == errors_before && !ck.failed;
            if clean && ck.flow.reachable && sig.ret != Type::None {
                ck.cx.error(
                    file,
                    def.name.range,
                    format!(
                        "function '{}' is declared to return {} but can reach its end without a return",
                        sig.name,
                        type_name(&sig.ret)
                    ),
                );
            }
            let locals = std::mem::take(&mut ck.locals);
            let func = &mut self.program.functions[f];
            func.params = params;
            func.ret = sig.ret.clone();
            func.locals = locals;
            func.body = body;
        }
        self.build_initialisers(entry);
    }

    /// An extension's `def init_module(space: C) -> None`: the function and `C`, an exported core class.
    pub(super) fn find_init_module(&mut self, entry: ModId) -> Option<(tir::FuncId, ClassId)> {
        let file = self.module(entry).file?;
        if self.module(entry).unparsed {
            return None;
        }
        let want = "def init_module(space: C) -> None, where C is an exported core class";
        let Some(Binding::Function(f)) = self.module(entry).scope.get("init_module").cloned()
        else {
            self.error(
                file,
                TextRange::default(),
                format!("an extension module must define '{want}'"),
            );
            return None;
        };
        let sig = self.func_sigs[f.0 as usize].clone()?;
        let range = TextRange::new(sig.def_start.into(), sig.def_end.into());
        let imported = |c: ClassId| {
            self.interface
                .as_ref()
                .is_some_and(|i| i.prebuilt.contains_key(&c))
        };
        match (sig.params.as_slice(), &sig.ret) {
            ([p], Type::None) if matches!(p.ty, Type::Instance(c) if imported(c)) => {
                let Type::Instance(c) = p.ty else {
                    unreachable!()
                };
                Some((f, c))
            }
            _ => {
                self.error(file, range, format!("'init_module' must be '{want}'"));
                None
            }
        }
    }

    /// One initialiser per module, in import order (dependencies first), assigning its globals.
    fn build_initialisers(&mut self, entry: ModId) {
        let order = self.init_order(entry);
        for m in order {
            let Some(file) = self.module(m).file else {
                continue;
            };
            let module_name = self.module(m).name.clone();
            let mut ck = Checker::new(self, m, file, Type::None);
            let mut body = Vec::new();
            let stmts = ck.cx.module(m).body.clone();
            for stmt in &stmts {
                ck.module_stmt(stmt, &mut body);
            }
            let locals = std::mem::take(&mut ck.locals);
            if body.is_empty() {
                continue;
            }
            let id = tir::FuncId(self.program.functions.len() as u32);
            self.program.functions.push(tir::Function {
                name: format!("{module_name}.<module>"),
                symbol: super::mangle('I', &module_name, "init"),
                params: Vec::new(),
                ret: Type::None,
                locals,
                body,
                can_raise: false,
            });
            self.program.init_order.push(id);
        }
    }

    /// Modules in the order Python would first execute them from `entry`.
    fn init_order(&self, entry: ModId) -> Vec<ModId> {
        let mut order = Vec::new();
        let mut seen = HashSet::new();
        // Iterative post-order over imports (module graphs may be deep or cyclic).
        let mut stack: Vec<(ModId, usize)> = vec![(entry, 0)];
        seen.insert(entry);
        while let Some((m, i)) = stack.pop() {
            let deps = self.imported_modules(m);
            if i < deps.len() {
                stack.push((m, i + 1));
                let d = deps[i];
                if seen.insert(d) {
                    stack.push((d, 0));
                }
            } else {
                order.push(m);
            }
        }
        order
    }

    pub(super) fn imported_modules(&self, m: ModId) -> Vec<ModId> {
        let module = self.module(m);
        let mut out = Vec::new();
        for stmt in &module.body {
            match stmt {
                Stmt::Import(imp) => {
                    for a in &imp.names {
                        let full = a.name.id.as_str();
                        let mut prefix = String::new();
                        for part in full.split('.') {
                            if !prefix.is_empty() {
                                prefix.push('.');
                            }
                            prefix.push_str(part);
                            if let Some(&id) = self.module_index.get(&prefix) {
                                out.push(id);
                            }
                        }
                    }
                }
                Stmt::ImportFrom(imp) => {
                    if let Some(name) = imp.module.as_ref().map(|m| m.id.to_string())
                        && let Some(&id) = self.module_index.get(&name)
                    {
                        out.push(id);
                    }
                }
                _ => {}
            }
        }
        out
    }

    fn find_main(&mut self, entry: ModId) {
        let Some(file) = self.module(entry).file else {
            return;
        };
        if self.module(entry).unparsed {
            return;
        }
        let want = "def main(argv: list[str]) -> int";
        match self.module(entry).scope.get("main").cloned() {
            Some(Binding::Function(f)) => {
                if let Some(sig) = &self.func_sigs[f.0 as usize] {
                    let ok = sig.module == entry
                        && sig.ret == Type::Int
                        && sig.params.len() == 1
                        && sig.params[0].ty == Type::List(Box::new(Type::Str));
                    if !ok {
                        let range = TextRange::new(sig.def_start.into(), sig.def_end.into());
                        self.error(
                            file,
                            range,
                            format!("the entry module's 'main' must be '{want}'"),
                        );
                    }
                }
                self.program.main = f;
            }
            _ => {
                self.error(
                    file,
                    TextRange::default(),
                    format!("the entry module must define '{want}'"),
                );
            }
        }
    }
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

    pub(super) fn error(&mut self, range: TextRange, message: impl Into<String>) -> Reported {
        self.cx.error(self.file, range, message);
        Reported
    }

    /// Declares a named local.
    fn declare(&mut self, name: &str, ty: Type) -> LocalId {
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
    fn prescan(&mut self, body: &[Stmt]) {
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

    // ---------------------------------------------------------------- statements

    pub(super) fn block(&mut self, stmts: &[Stmt], out: &mut Vec<tir::Stmt>) {
        for s in stmts {
            if self.stmt(s, out).is_err() {
                self.failed = true;
            }
        }
    }

    /// A module-level statement: globals become assignments in the initialiser.
    fn module_stmt(&mut self, stmt: &Stmt, out: &mut Vec<tir::Stmt>) {
        match stmt {
            Stmt::FunctionDef(def) => {
                for d in &def.decorator_list {
                    let _ = self.check_decorator(d);
                }
            }
            Stmt::Import(_) | Stmt::ImportFrom(_) | Stmt::Pass(_) => {}
            Stmt::Expr(e) if matches!(e.value.as_ref(), Expr::StringLiteral(_)) => {}
            Stmt::AnnAssign(a) => match &a.value {
                Some(value) => self.global_initialiser(&a.target, value, out),
                None => {
                    self.error(a.range, "a module-level global needs an initial value");
                }
            },
            Stmt::Assign(a) => {
                if let Some(target) = a.targets.first() {
                    self.global_initialiser(target, &a.value, out);
                }
            }
            Stmt::If(s) if is_main_guard(&s.test) => {}
            Stmt::ClassDef(_) => {}
            other => {
                self.error(
                    other.range(),
                    "unsupported module-level statement: only imports, def, globals, constants and \
                     'if __name__ == \"__main__\":' may appear at module level",
                );
            }
        }
    }

    /// `NAME = value` at module level: the global's initialisation, in the module's initialiser.
    fn global_initialiser(&mut self, target: &Expr, value: &Expr, out: &mut Vec<tir::Stmt>) {
        let Expr::Name(n) = target else { return };
        let Some(Binding::Global(g)) = self
            .cx
            .module(self.module)
            .scope
            .get(n.id.as_str())
            .cloned()
        else {
            return;
        };
        let ty = self.cx.program.globals[g.0 as usize].ty.clone();
        if let Ok(v) = self.expr_as(value, &ty) {
            let stmt = tir::Stmt::AssignGlobal(g, v);
            self.refuse_generic_ops(std::slice::from_ref(&stmt), value.range());
            out.push(stmt);
        }
    }

    fn check_decorator(&mut self, d: &ast::Decorator) -> R<()> {
        let ok = match &d.expression {
            Expr::Name(n) => matches!(
                self.cx.module(self.module).scope.get(n.id.as_str()),
                Some(Binding::Seam(
                    super::SeamName::Export | super::SeamName::Final
                ))
            ),
            Expr::Call(c) => match c.func.as_ref() {
                Expr::Name(n) => matches!(
                    self.cx.module(self.module).scope.get(n.id.as_str()),
                    Some(Binding::Seam(super::SeamName::Export))
                ),
                _ => false,
            },
            Expr::Attribute(a) => matches!(
                (a.value.as_ref(), a.attr.id.as_str()),
                (Expr::Name(m), "export" | "final")
                    if self.cx.module(self.module).scope.get(m.id.as_str()) == Some(&Binding::SeamModule)
            ),
            _ => false,
        };
        if ok {
            Ok(())
        } else {
            Err(self.error(
                d.range,
                "unsupported decorator: only @export and @final from seam",
            ))
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

    fn stmt(&mut self, s: &Stmt, out: &mut Vec<tir::Stmt>) -> R<()> {
        self.enter(s.range())?;
        let start = out.len();
        let r = self.stmt_inner(s, out);
        self.depth -= 1;
        self.refuse_generic_ops(&out[start..], s.range());
        r
    }

    fn stmt_inner(&mut self, s: &Stmt, out: &mut Vec<tir::Stmt>) -> R<()> {
        match s {
            Stmt::Expr(e) => {
                if matches!(e.value.as_ref(), Expr::StringLiteral(_)) {
                    return Ok(());
                }
                if let Some(raise) = self.sys_exit_stmt(&e.value) {
                    out.push(raise?);
                    self.flow = self.flow.unreachable();
                    return Ok(());
                }
                let v = self.expr(&e.value, None)?;
                out.push(tir::Stmt::Expr(v));
            }
            Stmt::Pass(_) => {}
            Stmt::Assign(a) => {
                let [target] = a.targets.as_slice() else {
                    return Err(
                        self.error(a.range, "chained assignment ('a = b = v') is not supported")
                    );
                };
                self.assign(target, &a.value, out)?;
            }
            Stmt::AnnAssign(a) => {
                let Expr::Name(n) = a.target.as_ref() else {
                    return Err(self.error(a.target.range(), "only a plain name can be annotated"));
                };
                // The annotation was refused (and reported): checking the value
                // without it would only add a second error.
                if self.poisoned.contains(n.id.as_str()) {
                    return Err(Reported);
                }
                if let Some(v) = &a.value {
                    self.assign(&a.target, v, out)?;
                }
            }
            Stmt::AugAssign(a) => self.aug_assign(a, out)?,
            Stmt::If(s) => self.if_stmt(&s.test, &s.body, &s.elif_else_clauses, out)?,
            Stmt::While(w) => {
                if !w.orelse.is_empty() {
                    return Err(self.error(w.range, "'else' on a loop is not supported"));
                }
                self.loop_stmt(s, out)?;
            }
            Stmt::For(f) => {
                if !f.orelse.is_empty() {
                    return Err(self.error(f.range, "'else' on a loop is not supported"));
                }
                if f.is_async {
                    return Err(self.error(f.range, "'async for' is not supported"));
                }
                self.loop_stmt(s, out)?;
            }
            Stmt::Break(b) => {
                if self.loops.is_empty() {
                    return Err(self.error(b.range, "'break' outside a loop"));
                }
                let f = self.flow.clone();
                self.loops.last_mut().expect("checked").breaks.push(f);
                self.flow = self.flow.unreachable();
                out.push(tir::Stmt::Break);
            }
            Stmt::Continue(c) => {
                if self.loops.is_empty() {
                    return Err(self.error(c.range(), "'continue' outside a loop"));
                }
                let f = self.flow.clone();
                self.loops.last_mut().expect("checked").back_edges.push(f);
                self.flow = self.flow.unreachable();
                out.push(tir::Stmt::Continue);
            }
            Stmt::Return(r) => {
                let ret = self.ret.clone();
                let value = match (&r.value, &ret) {
                    (None, Type::None) => None,
                    (None, t) => {
                        return Err(self.error(
                            r.range,
                            format!(
                                "'return' without a value in a function returning {}",
                                type_name(t)
                            ),
                        ));
                    }
                    (Some(v), Type::None) => {
                        if matches!(v.as_ref(), Expr::NoneLiteral(_)) {
                            None
                        } else {
                            let e = self.expr(v, None)?;
                            if e.ty != Type::None {
                                return Err(self.error(
                                    v.range(),
                                    format!(
                                        "this function returns None, but this is {}",
                                        type_name(&e.ty)
                                    ),
                                ));
                            }
                            out.push(tir::Stmt::Expr(e));
                            None
                        }
                    }
                    (Some(v), t) => Some(self.expr_as(v, t)?),
                };
                out.push(tir::Stmt::Return(value));
                self.flow = self.flow.unreachable();
            }
            Stmt::Raise(r) => {
                let s = self.raise(r)?;
                out.push(s);
                self.flow = self.flow.unreachable();
            }
            Stmt::Assert(a) => {
                let (cond, yes, _) = self.cond(&a.test)?;
                let msg = match &a.msg {
                    None => null_str(),
                    Some(m) => self.expr_as(m, &Type::Str)?,
                };
                let raise = raise_builtin(ExcKind::AssertionError, msg);
                out.push(tir::Stmt::If {
                    cond: tir::Expr::unary(UnaryOp::BoolNot, cond, Type::Bool),
                    then_body: vec![tir::Stmt::Expr(raise)],
                    else_body: Vec::new(),
                });
                self.apply(&yes);
            }
            Stmt::Global(_) => {}
            Stmt::Delete(d) => {
                for t in &d.targets {
                    self.delete(t, out)?;
                }
            }
            Stmt::FunctionDef(f) => {
                return Err(self.error(
                    f.name.range,
                    "nested functions are not supported: define it at module level",
                ));
            }
            Stmt::ClassDef(c) => {
                return Err(self.error(c.name.range, "classes must be defined at module level"));
            }
            Stmt::Try(t) => self.try_stmt(t, out)?,
            Stmt::With(w) => self.with_stmt(w, out)?,
            Stmt::Match(m) => return Err(self.error(m.range, "'match' is not supported")),
            Stmt::Import(i) => return Err(self.error(i.range, "imports must be at module level")),
            Stmt::ImportFrom(i) => {
                return Err(self.error(i.range, "imports must be at module level"));
            }
            Stmt::Nonlocal(n) => return Err(self.error(n.range, "'nonlocal' is not supported")),
            Stmt::TypeAlias(t) => return Err(self.error(t.range, "type aliases are not supported")),
            Stmt::IpyEscapeCommand(i) => return Err(self.error(i.range, "not Python syntax")),
        }
        Ok(())
    }

    fn if_stmt(
        &mut self,
        test: &Expr,
        body: &[Stmt],
        rest: &[ast::ElifElseClause],
        out: &mut Vec<tir::Stmt>,
    ) -> R<()> {
        let (cond, yes, no) = self.cond(test)?;
        let before = self.flow.clone();
        self.apply(&yes);
        let mut then_body = Vec::new();
        self.block(body, &mut then_body);
        let after_then = std::mem::replace(&mut self.flow, before);
        self.apply(&no);
        let mut else_body = Vec::new();
        if let Some((first, more)) = rest.split_first() {
            match &first.test {
                // An `elif` is an `if` nested in the `else` branch, in this pass and
                // in every pass over the TIR after it: bound how deep that goes.
                Some(_) if self.elif_depth >= MAX_ELIF_DEPTH => {
                    let _ = self.error(
                        first.range,
                        format!(
                            "too many elif clauses: more than {MAX_ELIF_DEPTH} in one chain \
                             (use a dict of functions, or split the chain)"
                        ),
                    );
                }
                Some(t) => {
                    self.elif_depth += 1;
                    let _ = self.if_stmt(t, &first.body, more, &mut else_body);
                    self.elif_depth -= 1;
                }
                None => self.block(&first.body, &mut else_body),
            }
        }
        let after_else = self.flow.clone();
        // A path narrowed to different classes on the two branches stays
        // narrowed to their nearest common base (`if isinstance(x, Sub): ...`
        // inside `if x is not None:` leaves `x` not None), as in mypy.
        let cx = &*self.cx;
        self.flow = Flow::merge_joining(after_then, after_else, |a, b| match (a, b) {
            (Type::Instance(x), Type::Instance(y)) => cx.common_base(*x, *y).map(Type::Instance),
            _ => None,
        });
        out.push(tir::Stmt::If {
            cond,
            then_body,
            else_body,
        });
        Ok(())
    }

    /// Checks a loop, as mypy does, by a small fixpoint: first assuming that what
    /// is narrowed on entry stays narrowed on the way round (`cur = cur.next`
    /// inside `while cur.next is not None:`); if a back edge breaks that
    /// assumption, the attempt is discarded and the loop is checked again with
    /// the narrowings of everything the body assigns dropped.
    fn loop_stmt(&mut self, s: &Stmt, out: &mut Vec<tir::Stmt>) -> R<()> {
        const MAX_OPTIMISTIC_NESTING: usize = 4;
        if self.optimistic_depth < MAX_OPTIMISTIC_NESTING {
            let diagnostics = self.cx.diagnostics.len();
            let locals = self.locals.len();
            let names = self.names.clone();
            let poisoned = self.poisoned.clone();
            let flow = self.flow.clone();
            self.optimistic_depth += 1;
            self.optimistic_next_loop = true;
            let mut trial = Vec::new();
            let r = self.loop_stmt_inner(s, &mut trial);
            self.optimistic_depth -= 1;
            let holds = match self.last_loop.take() {
                Some((head, back_edges)) => head.iter().all(|(k, t)| {
                    back_edges
                        .iter()
                        .filter(|f| f.reachable)
                        .all(|f| f.narrowed.get(k) == Some(t))
                }),
                None => false,
            };
            if holds {
                out.extend(trial);
                return r;
            }
            self.cx.diagnostics.truncate(diagnostics);
            self.locals.truncate(locals);
            self.names = names;
            self.poisoned = poisoned;
            self.flow = flow;
        }
        self.optimistic_next_loop = false;
        self.loop_stmt_inner(s, out)
    }

    fn loop_stmt_inner(&mut self, s: &Stmt, out: &mut Vec<tir::Stmt>) -> R<()> {
        match s {
            Stmt::While(w) => self.while_stmt(w, out),
            Stmt::For(f) => self.for_stmt(f, out),
            _ => unreachable!("only loops"),
        }
    }

    /// Drops narrowings of locals that a loop body assigns (they may change on the
    /// way round), unless this is an optimistic attempt; the loop targets always.
    fn loop_head(&mut self, body: &[Stmt], extra: &[String]) {
        let optimistic = std::mem::take(&mut self.optimistic_next_loop);
        for name in extra {
            if let Some(&id) = self.names.get(name) {
                self.flow.forget_local(id);
            }
        }
        if optimistic {
            return;
        }
        let mut assigned = Vec::new();
        let mut anns = Vec::new();
        let mut globals = Vec::new();
        scan_block(body, &mut assigned, &mut anns, &mut globals);
        for name in &assigned {
            if let Some(&id) = self.names.get(name) {
                self.flow.forget_local(id);
            }
        }
        let mut attrs = Vec::new();
        scan_attr_targets(body, &mut attrs);
        for a in attrs {
            self.flow.forget_attr(&a);
        }
    }

    fn while_stmt(&mut self, w: &ast::StmtWhile, out: &mut Vec<tir::Stmt>) -> R<()> {
        self.loop_head(&w.body, &[]);
        let entry = self.flow.narrowed.clone();
        let (cond, yes, no) = self.cond(&w.test)?;
        let head = self.flow.clone();
        self.apply(&yes);
        self.loops.push(LoopFrame::default());
        let mut body = Vec::new();
        self.block(&w.body, &mut body);
        let mut frame = self.loops.pop().expect("pushed");
        frame.back_edges.push(self.flow.clone());
        self.last_loop = Some((entry, frame.back_edges));
        let breaks = frame.breaks;
        let always = matches!(w.test.as_ref(), Expr::BooleanLiteral(b) if b.value);
        let mut after = if always { head.unreachable() } else { head };
        self.flow = after.clone();
        self.apply(&no);
        after = self.flow.clone();
        for b in breaks {
            after = Flow::merge(after, b);
        }
        self.flow = after;
        out.push(tir::Stmt::While { cond, body });
        Ok(())
    }

    /// Runs a loop body for a desugared `for`; `bind` assigns the loop variables.
    pub(super) fn loop_body(
        &mut self,
        body: &[Stmt],
        head: Flow,
        prologue: Vec<tir::Stmt>,
    ) -> Vec<tir::Stmt> {
        self.loops.push(LoopFrame::default());
        let mut out = prologue;
        self.block(body, &mut out);
        let mut frame = self.loops.pop().expect("pushed");
        frame.back_edges.push(self.flow.clone());
        self.last_loop = Some((head.narrowed.clone(), frame.back_edges));
        let breaks = frame.breaks;
        let mut after = head;
        for b in breaks {
            after = Flow::merge(after, b);
        }
        self.flow = after;
        out
    }

    fn for_stmt(&mut self, f: &ast::StmtFor, out: &mut Vec<tir::Stmt>) -> R<()> {
        let mut target_names = Vec::new();
        target_names_of(&f.target, &mut target_names);
        self.loop_head(&f.body, &target_names);
        // `for ... in range(...)`
        if let Expr::Call(call) = f.iter.as_ref()
            && let Expr::Name(n) = call.func.as_ref()
            && n.id.as_str() == "range"
            && !self.is_shadowed("range")
        {
            return self.for_range(f, call, out);
        }
        if let Some(r) = self.for_collections(f, out) {
            return r;
        }
        // `for k in d`, `for k in d.keys()`, `for v in d.values()`, `for k, v in d.items()`
        let (iter_expr, dict_view) = match f.iter.as_ref() {
            Expr::Call(call)
                if call.arguments.args.is_empty() && call.arguments.keywords.is_empty() =>
            {
                match call.func.as_ref() {
                    Expr::Attribute(a)
                        if matches!(a.attr.id.as_str(), "keys" | "values" | "items") =>
                    {
                        let recv = self.expr(&a.value, None)?;
                        if matches!(recv.ty, Type::Dict(..)) {
                            (recv, Some(a.attr.id.to_string()))
                        } else {
                            (self.expr(&f.iter, None)?, None)
                        }
                    }
                    _ => (self.expr(&f.iter, None)?, None),
                }
            }
            _ => (self.expr(&f.iter, None)?, None),
        };
        // A tuple[T, ...] is walked as a list of its elements.
        let iter_expr = if matches!(iter_expr.ty, Type::VarTuple(_)) {
            super::tuples::to_list(iter_expr)
        } else {
            iter_expr
        };
        let iter_ty = iter_expr.ty.clone();
        let mut pre = Vec::new();
        match iter_ty {
            Type::Dict(k, v) => {
                let (s, d) = self.bind_temp(iter_expr);
                pre.push(s);
                let (cond, e, prologue) =
                    self.entry_walk(&d, crate::layout::DICT_LEN, Rt::DictIterNext, &mut pre);
                let key = tir::Expr::rt(Rt::DictEntryKey, vec![d.clone(), e.clone()], (*k).clone());
                let value =
                    tir::Expr::rt(Rt::DictEntryValue, vec![d.clone(), e.clone()], (*v).clone());
                let element = match dict_view.as_deref() {
                    None | Some("keys") => key,
                    Some("values") => value,
                    _ => tir::Expr::new(
                        ExprKind::Tuple(vec![key, value]),
                        Type::Tuple(vec![(*k).clone(), (*v).clone()]),
                    ),
                };
                let mut prologue = prologue;
                self.bind_loop_target(&f.target, element, &mut prologue)?;
                let head = self.flow.clone();
                let body = self.loop_body(&f.body, head, prologue);
                out.extend(pre);
                out.push(tir::Stmt::While { cond, body });
            }
            Type::List(_) | Type::DictKeys(_) | Type::DictValues(_) | Type::DictItems(..) => {
                let elem = match &iter_ty {
                    Type::List(t) | Type::DictKeys(t) | Type::DictValues(t) => (**t).clone(),
                    Type::DictItems(k, v) => Type::Tuple(vec![(**k).clone(), (**v).clone()]),
                    _ => unreachable!("matched above"),
                };
                let (s, l) = self.bind_temp(iter_expr);
                pre.push(s);
                let i = self.temp(Type::Int);
                pre.push(tir::Stmt::AssignLocal(i, tir::Expr::int(0)));
                let iv = tir::Expr::local(i, Type::Int);
                let cond = tir::Expr::binary(
                    BinaryOp::IntLt,
                    iv.clone(),
                    tir::Expr::field(l.clone(), crate::layout::LIST_LEN, Type::Int),
                    Type::Bool,
                );
                // The loop condition has just compared `i` with the length, and
                // nothing runs in between: the load needs no bounds check.
                let item = tir::Expr::new(
                    ExprKind::ListItem {
                        list: Box::new(l),
                        index: Box::new(iv.clone()),
                    },
                    elem,
                );
                let (s, item) = self.bind_temp(item);
                let mut prologue = vec![
                    s,
                    tir::Stmt::AssignLocal(
                        i,
                        tir::Expr::binary(BinaryOp::IntAdd, iv, tir::Expr::int(1), Type::Int),
                    ),
                ];
                self.bind_loop_target(&f.target, item, &mut prologue)?;
                let head = self.flow.clone();
                let body = self.loop_body(&f.body, head, prologue);
                out.extend(pre);
                out.push(tir::Stmt::While { cond, body });
            }
            Type::Str => {
                let (s, st) = self.bind_temp(iter_expr);
                pre.push(s);
                let p = self.temp(Type::Int);
                pre.push(tir::Stmt::AssignLocal(p, tir::Expr::int(0)));
                let pv = tir::Expr::local(p, Type::Int);
                let cond = tir::Expr::binary(
                    BinaryOp::IntLt,
                    pv.clone(),
                    tir::Expr::field(st.clone(), crate::layout::STR_BYTE_LEN, Type::Int),
                    Type::Bool,
                );
                let ch = tir::Expr::rt(Rt::StrCharAt, vec![st, pv.clone()], Type::Str);
                let (s, ch) = self.bind_temp(ch);
                let mut prologue = vec![
                    s,
                    tir::Stmt::AssignLocal(
                        p,
                        tir::Expr::binary(
                            BinaryOp::IntAdd,
                            pv,
                            tir::Expr::field(ch.clone(), crate::layout::STR_BYTE_LEN, Type::Int),
                            Type::Int,
                        ),
                    ),
                ];
                self.bind_loop_target(&f.target, ch, &mut prologue)?;
                let head = self.flow.clone();
                let body = self.loop_body(&f.body, head, prologue);
                out.extend(pre);
                out.push(tir::Stmt::While { cond, body });
            }
            Type::Set(_) => self.for_set(f, iter_expr, out)?,
            Type::File => self.for_file(f, iter_expr, out)?,
            Type::Optional(_) => {
                return Err(self.error(
                    f.iter.range(),
                    "this value may be None: narrow it first (e.g. 'if x is not None:')",
                ));
            }
            other => {
                return Err(self.error(
                    f.iter.range(),
                    format!("cannot iterate over {}", type_name(&other)),
                ));
            }
        }
        Ok(())
    }

    pub(super) fn is_shadowed(&self, name: &str) -> bool {
        self.local_names.contains(name) || self.cx.module(self.module).scope.contains_key(name)
    }

    fn for_range(
        &mut self,
        f: &ast::StmtFor,
        call: &ast::ExprCall,
        out: &mut Vec<tir::Stmt>,
    ) -> R<()> {
        if !call.arguments.keywords.is_empty() {
            return Err(self.error(call.range(), "range() takes no keyword arguments"));
        }
        let args: Vec<tir::Expr> = call
            .arguments
            .args
            .iter()
            .map(|a| self.expr_as(a, &Type::Int))
            .collect::<R<_>>()?;
        let (start, stop, step) = match args.len() {
            1 => (tir::Expr::int(0), args[0].clone(), tir::Expr::int(1)),
            2 => (args[0].clone(), args[1].clone(), tir::Expr::int(1)),
            3 => (args[0].clone(), args[1].clone(), args[2].clone()),
            n => {
                return Err(self.error(
                    call.range(),
                    format!("range expected 1 to 3 arguments, got {n}"),
                ));
            }
        };
        let mut pre = Vec::new();
        let i = self.temp(Type::Int);
        pre.push(tir::Stmt::AssignLocal(i, start));
        let (s, stop) = self.bind_temp(stop);
        pre.push(s);
        let iv = tir::Expr::local(i, Type::Int);
        let (cond, step) = match step.kind {
            ExprKind::Int(0) => {
                return Err(self.error(call.range(), "range() arg 3 must not be zero"));
            }
            ExprKind::Int(k) => {
                let op = if k > 0 {
                    BinaryOp::IntLt
                } else {
                    BinaryOp::IntGt
                };
                (tir::Expr::binary(op, iv.clone(), stop, Type::Bool), step)
            }
            _ => {
                let (s, stepv) = self.bind_temp(step);
                pre.push(s);
                let zero = self.raise_msg(ExcKind::ValueError, "range() arg 3 must not be zero");
                pre.push(tir::Stmt::If {
                    cond: tir::Expr::binary(
                        BinaryOp::IntEq,
                        stepv.clone(),
                        tir::Expr::int(0),
                        Type::Bool,
                    ),
                    then_body: vec![tir::Stmt::Expr(zero)],
                    else_body: Vec::new(),
                });
                let both = |a: tir::Expr, b: tir::Expr| {
                    tir::Expr::new(ExprKind::And(Box::new(a), Box::new(b)), Type::Bool)
                };
                let up = both(
                    tir::Expr::binary(
                        BinaryOp::IntGt,
                        stepv.clone(),
                        tir::Expr::int(0),
                        Type::Bool,
                    ),
                    tir::Expr::binary(BinaryOp::IntLt, iv.clone(), stop.clone(), Type::Bool),
                );
                let down = both(
                    tir::Expr::binary(
                        BinaryOp::IntLt,
                        stepv.clone(),
                        tir::Expr::int(0),
                        Type::Bool,
                    ),
                    tir::Expr::binary(BinaryOp::IntGt, iv.clone(), stop, Type::Bool),
                );
                (
                    tir::Expr::new(ExprKind::Or(Box::new(up), Box::new(down)), Type::Bool),
                    stepv,
                )
            }
        };
        let step_expr = step;
        let (s, cur) = self.bind_temp(iv.clone());
        let mut prologue = vec![
            s,
            tir::Stmt::AssignLocal(
                i,
                tir::Expr::binary(BinaryOp::IntAddSaturating, iv, step_expr, Type::Int),
            ),
        ];
        self.bind_loop_target(&f.target, cur, &mut prologue)?;
        let head = self.flow.clone();
        let body = self.loop_body(&f.body, head, prologue);
        out.extend(pre);
        out.push(tir::Stmt::While { cond, body });
        Ok(())
    }

    /// Assigns a loop's element to its target (a name, or a tuple of names).
    pub(super) fn bind_loop_target(
        &mut self,
        target: &Expr,
        value: tir::Expr,
        out: &mut Vec<tir::Stmt>,
    ) -> R<()> {
        self.assign_value(target, value, out)
    }

    // ---------------------------------------------------------------- assignment

    /// `target = value` where the value is still source.
    fn assign(&mut self, target: &Expr, value: &Expr, out: &mut Vec<tir::Stmt>) -> R<()> {
        match target {
            Expr::Name(n) => {
                let name = n.id.as_str();
                if let Some(g) = self.global_target(name) {
                    let ty = self.cx.program.globals[g.0 as usize].ty.clone();
                    let v = self.expr_as(value, &ty)?;
                    out.push(tir::Stmt::AssignGlobal(g, v));
                    return Ok(());
                }
                let expected = self
                    .names
                    .get(name)
                    .map(|id| self.locals[id.0 as usize].ty.clone())
                    .or_else(|| self.annotations.get(name).cloned());
                // Not coerced yet: `store_local` narrows by the value's own type.
                let v = self.expr(value, expected.as_ref());
                let v = match v {
                    Ok(v) => v,
                    Err(r) => {
                        if !self.names.contains_key(name) {
                            self.poisoned.insert(name.to_string());
                        }
                        return Err(r);
                    }
                };
                self.store_local(n, v, value.range(), out)
            }
            Expr::Attribute(a) if self.module_of(&a.value).is_none() => {
                let obj = self.expr(&a.value, None)?;
                let Type::Instance(c) = obj.ty.clone() else {
                    let t = obj.ty.clone();
                    return Err(self.not_narrowed_or(
                        a.value.range(),
                        &t,
                        "has no attributes to assign",
                    ));
                };
                let expected = self.cx.find_field(c, a.attr.id.as_str()).map(|f| f.ty);
                let v = match &expected {
                    Some(t) => self.expr_as(value, t)?,
                    None => self.expr(value, None)?,
                };
                let v = self.stable_value(v, out);
                let value_ty = v.ty.clone();
                let s = self.store_attr(obj, c, &a.attr, v)?;
                out.push(s);
                // Assigning a non-None value narrows an optional field, as mypy does.
                if let (Some(Type::Optional(_)), Some(key)) = (&expected, self.narrow_key(target))
                    && !matches!(value_ty, Type::Optional(_) | Type::None)
                {
                    self.flow.narrowed.insert(key, value_ty);
                }
                Ok(())
            }
            Expr::Subscript(sub) if !matches!(sub.slice.as_ref(), Expr::Slice(_)) => {
                let obj = self.expr(&sub.value, None)?;
                let expected = match &obj.ty {
                    Type::List(e) => Some((**e).clone()),
                    Type::Dict(_, v) => Some((**v).clone()),
                    _ => None,
                };
                let v = match &expected {
                    Some(t) => self.expr_as(value, t)?,
                    None => self.expr(value, None)?,
                };
                // Python evaluates the value before the container and the key.
                let v = match v.kind {
                    ExprKind::Local(_)
                    | ExprKind::Int(_)
                    | ExprKind::Str(_)
                    | ExprKind::Bool(_)
                    | ExprKind::Float(_) => v,
                    _ => {
                        let (s, t) = self.bind_temp(v);
                        out.push(s);
                        t
                    }
                };
                let stmt = self.store_subscript(sub, obj, v)?;
                out.push(stmt);
                Ok(())
            }
            _ => {
                let v = self.expr(value, None)?;
                self.assign_value(target, v, out)
            }
        }
    }

    /// `v` itself when re-evaluating it later is harmless, else a temporary holding it.
    fn stable_value(&mut self, v: tir::Expr, out: &mut Vec<tir::Stmt>) -> tir::Expr {
        match v.kind {
            ExprKind::Local(_)
            | ExprKind::Int(_)
            | ExprKind::Str(_)
            | ExprKind::Bool(_)
            | ExprKind::Float(_)
            | ExprKind::None => v,
            _ => {
                let (s, t) = self.bind_temp(v);
                out.push(s);
                t
            }
        }
    }

    /// The global a bare name assigns to, if it is declared `global` here (or we are at module level).
    fn global_target(&self, name: &str) -> Option<tir::GlobalId> {
        if !self.globals_declared.contains(name) {
            return None;
        }
        match self.cx.module(self.module).scope.get(name) {
            Some(Binding::Global(g)) => Some(*g),
            _ => None,
        }
    }

    /// Stores an already-checked value into a local name, declaring it on first assignment.
    /// `at` is where a type mismatch is reported (the value when there is one in the source).
    fn store_local(
        &mut self,
        n: &ast::ExprName,
        v: tir::Expr,
        at: TextRange,
        out: &mut Vec<tir::Stmt>,
    ) -> R<()> {
        let name = n.id.as_str();
        let id = match self.names.get(name) {
            Some(&id) => id,
            None => {
                let ty = match self.annotations.get(name) {
                    Some(t) => t.clone(),
                    None => {
                        if v.ty == Type::None {
                            self.poisoned.insert(name.to_string());
                            return Err(self.error(
                                n.range,
                                format!(
                                    "cannot infer the type of '{name}' from None: annotate it ('{name}: T | None = None')"
                                ),
                            ));
                        }
                        v.ty.clone()
                    }
                };
                self.declare(name, ty)
            }
        };
        let ty = self.locals[id.0 as usize].ty.clone();
        let value_ty = v.ty.clone();
        let v = match self.coerce(v, &ty, at) {
            Ok(v) => v,
            Err(r) => {
                // Reported; treat the local as assigned so its uses don't pile on errors.
                self.flow.mark_assigned(id);
                return Err(r);
            }
        };
        // Assigning a non-None value narrows an optional local, as mypy does.
        match (&ty, &value_ty) {
            (Type::Optional(_), t) if !matches!(t, Type::Optional(_) | Type::None) => {
                let t = t.clone();
                out.push(tir::Stmt::AssignLocal(id, v));
                self.flow.forget_local(id);
                self.flow.narrowed.insert(NarrowKey::local(id), t);
            }
            _ => {
                out.push(tir::Stmt::AssignLocal(id, v));
                self.flow.forget_local(id);
            }
        }
        self.flow.mark_assigned(id);
        Ok(())
    }

    /// `target = value` where the value is already checked (unpacking, loops).
    pub(super) fn assign_value(
        &mut self,
        target: &Expr,
        v: tir::Expr,
        out: &mut Vec<tir::Stmt>,
    ) -> R<()> {
        match target {
            Expr::Name(n) => {
                if let Some(g) = self.global_target(n.id.as_str()) {
                    let ty = self.cx.program.globals[g.0 as usize].ty.clone();
                    let v = self.coerce(v, &ty, n.range)?;
                    out.push(tir::Stmt::AssignGlobal(g, v));
                    return Ok(());
                }
                self.store_local(n, v, n.range, out)
            }
            Expr::Tuple(ast::ExprTuple { elts, .. }) | Expr::List(ast::ExprList { elts, .. }) => {
                if matches!(v.ty, Type::VarTuple(_)) {
                    return Err(self.error(
                        target.range(),
                        format!(
                            "cannot unpack a {}: its length is known only at run time (index it: t[0], t[1])",
                            type_name(&v.ty)
                        ),
                    ));
                }
                let Type::Tuple(ts) = v.ty.clone() else {
                    return Err(self.error(
                        target.range(),
                        format!("can only unpack a tuple here, not {}", type_name(&v.ty)),
                    ));
                };
                if ts.len() != elts.len() {
                    return Err(self.error(
                        target.range(),
                        format!(
                            "cannot unpack a tuple of {} elements into {} targets",
                            ts.len(),
                            elts.len()
                        ),
                    ));
                }
                let (s, t) = self.bind_temp(v);
                out.push(s);
                for (i, (elt, ty)) in elts.iter().zip(ts).enumerate() {
                    let item =
                        tir::Expr::field(t.clone(), crate::layout::TUPLE_ITEMS + 8 * i as i32, ty);
                    self.assign_value(elt, item, out)?;
                }
                Ok(())
            }
            Expr::Subscript(sub) => {
                let obj = self.expr(&sub.value, None)?;
                let stmt = self.store_subscript(sub, obj, v)?;
                out.push(stmt);
                Ok(())
            }
            Expr::Attribute(a) => {
                if self.module_of(&a.value).is_none() {
                    // Python evaluates the value before the object.
                    let v = self.stable_value(v, out);
                    let obj = self.expr(&a.value, None)?;
                    return match obj.ty.clone() {
                        Type::Instance(c) => {
                            let s = self.store_attr(obj, c, &a.attr, v)?;
                            out.push(s);
                            Ok(())
                        }
                        other => Err(self.not_narrowed_or(
                            a.value.range(),
                            &other,
                            "has no attributes to assign",
                        )),
                    };
                }
                let g = self.module_global_attr(a)?;
                let ty = self.cx.program.globals[g.0 as usize].ty.clone();
                let v = self.coerce(v, &ty, a.range)?;
                out.push(tir::Stmt::AssignGlobal(g, v));
                Ok(())
            }
            Expr::Starred(s) => Err(self.error(s.range, "starred assignment is not supported")),
            other => Err(self.error(other.range(), "cannot assign to this expression")),
        }
    }

    /// `obj[index] = v`.
    fn store_subscript(
        &mut self,
        sub: &ast::ExprSubscript,
        obj: tir::Expr,
        v: tir::Expr,
    ) -> R<tir::Stmt> {
        if matches!(sub.slice.as_ref(), Expr::Slice(_)) {
            return Err(self.error(sub.range, "slice assignment is not supported"));
        }
        match obj.ty.clone() {
            Type::List(elem) => {
                let idx = self.expr_as(&sub.slice, &Type::Int)?;
                let v = self.coerce(v, &elem, sub.range)?;
                Ok(tir::Stmt::Expr(tir::Expr::rt(
                    Rt::ListSetItem,
                    vec![obj, idx, v],
                    Type::None,
                )))
            }
            Type::Dict(k, val) => {
                let key = self.expr_as(&sub.slice, &k)?;
                let v = self.coerce(v, &val, sub.range)?;
                Ok(tir::Stmt::Expr(tir::Expr::rt(
                    Rt::DictSetItem,
                    vec![obj, key, v],
                    Type::None,
                )))
            }
            Type::Str => {
                Err(self.error(sub.range, "'str' object does not support item assignment"))
            }
            Type::Tuple(_) => {
                Err(self.error(sub.range, "'tuple' object does not support item assignment"))
            }
            other => Err(self.not_narrowed_or(
                sub.value.range(),
                &other,
                "does not support item assignment",
            )),
        }
    }

    /// The new value of an augmented assignment's target. `xs += ys` on a list
    /// extends it in place (the target keeps the same object), as in Python.
    fn aug_value(&mut self, a: &ast::StmtAugAssign, cur: tir::Expr) -> R<tir::Expr> {
        if a.op == Operator::Add && matches!(cur.ty, Type::List(_)) {
            let ty = cur.ty.clone();
            let rhs = self.expr_as(&a.value, &ty)?;
            let (s, t) = self.bind_temp(cur);
            let extend = tir::Expr::rt(Rt::ListExtend, vec![t.clone(), rhs], Type::None);
            return Ok(tir::Expr::new(
                ExprKind::Block(vec![s, tir::Stmt::Expr(extend)], Box::new(t)),
                ty,
            ));
        }
        if matches!(cur.ty, Type::Set(_)) {
            return self.set_aug(a.op, cur, &a.value, a.range);
        }
        let rhs = self.expr(&a.value, None)?;
        self.binary(a.op, cur, rhs, a.range)
    }

    fn aug_assign(&mut self, a: &ast::StmtAugAssign, out: &mut Vec<tir::Stmt>) -> R<()> {
        match a.target.as_ref() {
            Expr::Name(n) => {
                let cur = self.name(n)?;
                let v = self.aug_value(a, cur)?;
                self.assign_value(&a.target, v, out)
            }
            Expr::Subscript(sub) => {
                if matches!(sub.slice.as_ref(), Expr::Slice(_)) {
                    return Err(self.error(sub.range, "slice assignment is not supported"));
                }
                let obj = self.expr(&sub.value, None)?;
                let (s1, o) = self.bind_temp(obj);
                let key_ty = match &o.ty {
                    Type::List(_) => Type::Int,
                    Type::Dict(k, _) => (**k).clone(),
                    other => {
                        let other = other.clone();
                        return Err(self.not_narrowed_or(
                            sub.value.range(),
                            &other,
                            "does not support item assignment",
                        ));
                    }
                };
                let key = self.expr_as(&sub.slice, &key_ty)?;
                let (s2, k) = self.bind_temp(key);
                let cur = self.index_value(o.clone(), k.clone(), sub.range)?;
                let v = self.aug_value(a, cur)?;
                let store = match o.ty.clone() {
                    Type::List(elem) => {
                        let v = self.coerce(v, &elem, a.range)?;
                        tir::Expr::rt(Rt::ListSetItem, vec![o, k, v], Type::None)
                    }
                    Type::Dict(_, val) => {
                        let v = self.coerce(v, &val, a.range)?;
                        tir::Expr::rt(Rt::DictSetItem, vec![o, k, v], Type::None)
                    }
                    _ => unreachable!("checked above"),
                };
                out.extend([s1, s2, tir::Stmt::Expr(store)]);
                Ok(())
            }
            Expr::Attribute(attr) if self.module_of(&attr.value).is_none() => {
                let obj = self.expr(&attr.value, None)?;
                let Type::Instance(c) = obj.ty.clone() else {
                    let t = obj.ty.clone();
                    return Err(self.not_narrowed_or(
                        attr.value.range(),
                        &t,
                        "has no attributes to assign",
                    ));
                };
                let (s, o) = self.bind_temp(obj);
                out.push(s);
                let cur = self.instance_attr(o.clone(), c, &attr.attr)?;
                let v = self.aug_value(a, cur)?;
                let st = self.store_attr(o, c, &attr.attr, v)?;
                out.push(st);
                Ok(())
            }
            Expr::Attribute(attr) => {
                let g = self.module_global_attr(attr)?;
                let ty = self.cx.program.globals[g.0 as usize].ty.clone();
                let cur = tir::Expr::new(ExprKind::Global(g), ty.clone());
                let v = self.aug_value(a, cur)?;
                let v = self.coerce(v, &ty, a.range)?;
                out.push(tir::Stmt::AssignGlobal(g, v));
                Ok(())
            }
            other => Err(self.error(other.range(), "cannot assign to this expression")),
        }
    }

    fn delete(&mut self, t: &Expr, out: &mut Vec<tir::Stmt>) -> R<()> {
        let Expr::Subscript(sub) = t else {
            return Err(self.error(t.range(), "only 'del d[k]' and 'del xs[i]' are supported"));
        };
        if matches!(sub.slice.as_ref(), Expr::Slice(_)) {
            return Err(self.error(sub.range, "deleting a slice is not supported"));
        }
        let obj = self.expr(&sub.value, None)?;
        match obj.ty.clone() {
            Type::Dict(k, _) => {
                let key = self.expr_as(&sub.slice, &k)?;
                out.push(tir::Stmt::Expr(tir::Expr::rt(
                    Rt::DictDelItem,
                    vec![obj, key],
                    Type::None,
                )));
            }
            Type::List(_) => {
                let i = self.expr_as(&sub.slice, &Type::Int)?;
                out.push(tir::Stmt::Expr(tir::Expr::rt(
                    Rt::ListDelItem,
                    vec![obj, i],
                    Type::None,
                )));
            }
            other => {
                return Err(self.not_narrowed_or(
                    sub.value.range(),
                    &other,
                    "does not support item deletion",
                ));
            }
        }
        Ok(())
    }

    fn raise(&mut self, r: &ast::StmtRaise) -> R<tir::Stmt> {
        let Some(cause) = &r.cause else {
            return self.raise_value(r);
        };
        // `raise X from Y`: X, then Y, are evaluated, then X is raised. The cause is only
        // shown by CPython's full traceback (its last line is X's), so it is not kept.
        let raise = self.raise_value(r)?;
        let tir::Stmt::Raise(value) = raise else {
            return Ok(raise);
        };
        let cause = self.expr(cause, None)?;
        match &cause.ty {
            Type::Instance(c) if self.cx.program.classes[c.0 as usize].is_exception => {}
            Type::None => {}
            other => {
                let t = type_name(other);
                return Err(self.error(
                    r.cause.as_ref().expect("checked").range(),
                    format!("exception causes must be exception instances or None, not {t}"),
                ));
            }
        }
        let ty = value.ty.clone();
        let (s, t) = self.bind_temp(value);
        Ok(tir::Stmt::Raise(tir::Expr::new(
            ExprKind::Block(vec![s, tir::Stmt::Expr(cause)], Box::new(t)),
            ty,
        )))
    }

    fn raise_value(&mut self, r: &ast::StmtRaise) -> R<tir::Stmt> {
        let Some(exc) = &r.exc else {
            return match self.handlers.last() {
                Some(&bind) => {
                    let ty = self.locals[bind.0 as usize].ty.clone();
                    Ok(tir::Stmt::Raise(tir::Expr::local(bind, ty)))
                }
                None => Err(self.error(
                    r.range,
                    "bare 'raise' outside an 'except' clause: there is no exception to re-raise",
                )),
            };
        };
        // `raise C` constructs `C()`.
        let value = match exc.as_ref() {
            Expr::Name(_) | Expr::Attribute(_)
                if self.cx.class_named(self.module, exc).is_some() && !self.is_local(exc) =>
            {
                let c = self.cx.class_named(self.module, exc).expect("checked");
                let call = ast::ExprCall {
                    node_index: Default::default(),
                    range_start: exc.range().start(),
                    func: exc.clone(),
                    arguments: ast::Arguments {
                        range: TextRange::empty(exc.range().end()),
                        node_index: Default::default(),
                        args: Box::new([]),
                        keywords: Default::default(),
                    },
                };
                self.construct(c, &call)?
            }
            other => self.expr(other, None)?,
        };
        match &value.ty {
            Type::Instance(c) if self.cx.program.classes[c.0 as usize].is_exception => {
                Ok(tir::Stmt::Raise(value))
            }
            other => {
                let t = type_name(other);
                Err(self.error(
                    exc.range(),
                    format!("can only raise an exception instance, not {t}"),
                ))
            }
        }
    }

    fn is_local(&self, e: &Expr) -> bool {
        matches!(e, Expr::Name(n) if self.local_names.contains(n.id.as_str()))
    }

    fn try_stmt(&mut self, t: &ast::StmtTry, out: &mut Vec<tir::Stmt>) -> R<()> {
        if t.is_star {
            return Err(self.error(t.range, "'except*' is not supported"));
        }
        let pre = self.flow.clone();
        // What handlers and `finally` may assume: nothing the body assigns or narrows.
        let mut body_assigned = Vec::new();
        scan_block(
            &t.body,
            &mut body_assigned,
            &mut Vec::new(),
            &mut Vec::new(),
        );
        let mut at_handler = pre.clone();
        for name in &body_assigned {
            if let Some(&id) = self.names.get(name) {
                at_handler.forget_local(id);
            }
        }
        let mut body = Vec::new();
        self.block(&t.body, &mut body);
        let mut else_body = Vec::new();
        self.block(&t.orelse, &mut else_body);
        let mut merged = self.flow.clone();
        let mut handlers = Vec::new();
        for h in &t.handlers {
            let ast::ExceptHandler::ExceptHandler(h) = h;
            self.flow = at_handler.clone();
            let classes: Vec<ClassId> = match &h.type_ {
                // A bare `except:` catches SystemExit too, as in CPython.
                None => vec![
                    ClassId(crate::rt::ExcKind::Exception as u32),
                    ClassId(crate::rt::ExcKind::SystemExit as u32),
                ],
                Some(ty) => {
                    let targets: Vec<&Expr> = match ty.as_ref() {
                        Expr::Tuple(tu) => tu.elts.iter().collect(),
                        other => vec![other],
                    };
                    let mut cs = Vec::new();
                    for e in targets {
                        match self.cx.class_named(self.module, e) {
                            Some(c) if self.cx.program.classes[c.0 as usize].is_exception => {
                                cs.push(c)
                            }
                            _ => {
                                return Err(self.error(
                                    e.range(),
                                    "'except' needs an exception class (or a tuple of them)",
                                ));
                            }
                        }
                    }
                    cs
                }
            };
            let mut common = classes[0];
            for &c in &classes[1..] {
                common = self
                    .cx
                    .common_base(common, c)
                    .unwrap_or(ClassId(crate::rt::ExcKind::Exception as u32));
            }
            let ty = Type::Instance(common);
            // CPython's io.UnsupportedOperation is a ValueError as well as an OSError; single
            // inheritance makes it an OSError, so `except ValueError` names it too (the builtin
            // exception classes share one layout, so the clause's variable keeps its type).
            let value_error = ClassId(crate::rt::ExcKind::ValueError as u32);
            let mut classes = classes;
            if classes.contains(&value_error) {
                classes.push(ClassId(crate::rt::ExcKind::UnsupportedOperation as u32));
            }
            // The clause's name is its own local, visible in the clause only (Python deletes it after).
            let bind = self.temp(ty.clone());
            let saved = h
                .name
                .as_ref()
                .map(|n| (n.id.to_string(), self.names.get(n.id.as_str()).copied()));
            if let Some(n) = &h.name {
                self.locals[bind.0 as usize].name = n.id.to_string();
                self.names.insert(n.id.to_string(), bind);
                self.local_names.insert(n.id.to_string());
                self.flow.mark_assigned(bind);
            }
            self.handlers.push(bind);
            let mut hbody = Vec::new();
            self.block(&h.body, &mut hbody);
            self.handlers.pop();
            if let Some((name, prev)) = saved {
                match prev {
                    Some(p) => {
                        self.names.insert(name, p);
                    }
                    None => {
                        self.names.remove(&name);
                    }
                }
            }
            merged = Flow::merge(merged, self.flow.clone());
            handlers.push(tir::Handler {
                classes,
                bind,
                body: hbody,
            });
        }
        let mut finally_body = Vec::new();
        if !t.finalbody.is_empty() {
            self.flow = Flow::merge(merged.clone(), at_handler.clone());
            self.flow.reachable = true;
            self.block(&t.finalbody, &mut finally_body);
            let fin = self.flow.clone();
            let mut after = merged;
            after.reachable = after.reachable && fin.reachable;
            for (i, a) in fin.assigned.iter().enumerate() {
                if *a {
                    after.mark_assigned(LocalId(i as u32));
                }
            }
            let mut fin_assigned = Vec::new();
            scan_block(
                &t.finalbody,
                &mut fin_assigned,
                &mut Vec::new(),
                &mut Vec::new(),
            );
            for name in fin_assigned {
                if let Some(&id) = self.names.get(&name) {
                    after.forget_local(id);
                }
            }
            self.flow = after;
        } else {
            self.flow = merged;
        }
        out.push(tir::Stmt::Try {
            body,
            handlers,
            else_body,
            finally_body,
        });
        Ok(())
    }

    /// A raise of a builtin exception with a literal message.
    pub(super) fn raise_msg(&mut self, kind: ExcKind, msg: &str) -> tir::Expr {
        let id = self.cx.intern(msg);
        raise_builtin(kind, tir::Expr::new(ExprKind::Str(id), Type::Str))
    }

    // ---------------------------------------------------------------- narrowing

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

    fn cond_inner(&mut self, e: &Expr) -> R<(tir::Expr, Narrowing, Narrowing)> {
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
    fn optional_target(&self, a: &Expr, b: &Expr) -> Option<(NarrowKey, Type)> {
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
    fn declared_type(&self, key: &NarrowKey) -> Option<Type> {
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
                let inner_truth =
                    self.truthy(super::collections::from_optional(t.clone(), &inner))?;
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

    // ---------------------------------------------------------------- expressions

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
            (Type::Optional(inner), t) if **inner == *t => Ok(super::collections::to_optional(v, target)),
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
                        format!("expected {}, found {}", type_name(target), type_name(&v.ty)),
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
                    type_name(&v.ty)
                ),
            )),
            (Type::Optional(_), Type::None) if matches!(v.kind, ExprKind::None) => {
                Ok(tir::Expr::new(ExprKind::None, target.clone()))
            }
            (t, Type::Optional(inner)) if **inner == *t => Err(self.error(
                range,
                format!(
                    "expected {}, found {} (it may be None: narrow it first, e.g. 'if x is not None:')",
                    type_name(target),
                    type_name(&v.ty)
                ),
            )),
            (Type::Float, Type::Int) => Err(self.error(
                range,
                "expected float, found int (no implicit conversion: use float(x))",
            )),
            _ => Err(self.error(
                range,
                format!("expected {}, found {}", type_name(target), type_name(&v.ty)),
            )),
        }
    }

    pub(super) fn not_narrowed_or(&mut self, range: TextRange, ty: &Type, what: &str) -> Reported {
        match ty {
            Type::Optional(inner) => self.error(
                range,
                format!(
                    "this value is {} and may be None: narrow it first (e.g. 'if x is not None:')",
                    type_name(&Type::Optional(inner.clone()))
                ),
            ),
            _ => self.error(range, format!("{} {what}", type_name(ty))),
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

    fn expr_inner(&mut self, e: &Expr, expected: Option<&Type>) -> R<tir::Expr> {
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
                        Some(t) => super::collections::narrow_value(v, t),
                        None => v,
                    });
                }
                if matches!(base.ty, Type::Optional(_)) {
                    let t = base.ty.clone();
                    return Err(self.not_narrowed_or(a.value.range(), &t, ""));
                }
                Err(self.error(
                    a.attr.range,
                    format!("{} has no attribute '{}'", type_name(&base.ty), a.attr.id),
                ))
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
                        type_name(a),
                        type_name(b)
                    ),
                ));
            }
        })
    }

    fn name(&mut self, n: &ast::ExprName) -> R<tir::Expr> {
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
                                super::collections::narrow_value(tir::Expr::local(id, declared), ty)
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

    fn module_global_attr_quiet(&self, a: &ast::ExprAttribute) -> Result<tir::GlobalId, ()> {
        let m = self.module_of(&a.value).ok_or(())?;
        match self.cx.module(m).scope.get(a.attr.id.as_str()) {
            Some(Binding::Global(g)) => Ok(*g),
            _ => Err(()),
        }
    }

    fn module_global_attr(&mut self, a: &ast::ExprAttribute) -> R<tir::GlobalId> {
        match self.module_global_attr_quiet(a) {
            Ok(g) => Ok(g),
            Err(()) => match self.module_of(&a.value) {
                Some(m) => {
                    let mname = self.cx.module(m).name.clone();
                    Err(self.error(
                        a.attr.range,
                        match &self.cx.interface_path {
                            Some(path) if self.cx.module(m).file.is_none() => format!(
                                "'{mname}.{}' is not an exported global of the core \
                                 (see its exports file '{path}'; annotate it Exported[T] in the core)",
                                a.attr.id
                            ),
                            _ => format!("module '{mname}' has no global '{}'", a.attr.id),
                        },
                    ))
                }
                None => Err(self.error(a.range, "cannot assign to an attribute here")),
            },
        }
    }

    fn fstring(&mut self, f: &ast::ExprFString) -> R<tir::Expr> {
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

    fn unary(&mut self, u: &ast::ExprUnaryOp) -> R<tir::Expr> {
        if u.op == ast::UnaryOp::Not {
            let (c, _, _) = self.cond(&u.operand)?;
            return Ok(tir::Expr::unary(UnaryOp::BoolNot, c, Type::Bool));
        }
        // Fold negative literals, so that i64::MIN is expressible and `x ** -1`
        // is recognised as a negative literal exponent.
        if u.op == ast::UnaryOp::USub
            && let Expr::NumberLiteral(n) = u.operand.as_ref()
            && let ast::Number::Int(i) = &n.value
            && let Some(v) = i.as_u64()
            && v <= 1u64 << 63
        {
            return Ok(tir::Expr::int((v as i64).wrapping_neg()));
        }
        let v = self.expr(&u.operand, None)?;
        let op = match (u.op, &v.ty) {
            (ast::UnaryOp::USub, Type::Int) => UnaryOp::IntNegChecked,
            (ast::UnaryOp::USub, Type::Float) => UnaryOp::FloatNeg,
            (ast::UnaryOp::UAdd, Type::Int | Type::Float) => return Ok(v),
            (ast::UnaryOp::Invert, Type::Int) => UnaryOp::IntInvert,
            (_, Type::Bool) => {
                return Err(self.error(
                    u.range,
                    format!(
                        "no arithmetic on bool ('{}' on a bool): convert with int(b)",
                        u.op.as_str()
                    ),
                ));
            }
            (op, t) => {
                return Err(self.error(
                    u.range,
                    format!(
                        "bad operand type for unary '{}': {}",
                        op.as_str(),
                        type_name(t)
                    ),
                ));
            }
        };
        let ty = v.ty.clone();
        Ok(tir::Expr::unary(op, v, ty))
    }

    /// A binary arithmetic operation on checked operands.
    pub(super) fn binary(
        &mut self,
        op: Operator,
        l: tir::Expr,
        r: tir::Expr,
        range: TextRange,
    ) -> R<tir::Expr> {
        use Type::*;
        if let Some(r) = self.set_binary(op, &l, &r, range) {
            return r;
        }
        if let Some(r) = self.var_tuple_binary(op, &l, &r, range) {
            return r;
        }
        if l.ty == Bool || r.ty == Bool {
            return Err(self.error(
                range,
                format!(
                    "no arithmetic on bool ('{}' with a bool operand): convert with int(b)",
                    op.as_str()
                ),
            ));
        }
        let bin = |k: BinaryOp, l, r, t| Ok(tir::Expr::binary(k, l, r, t));
        match (&l.ty, &r.ty) {
            (Int, Int) => match op {
                Operator::Add => bin(BinaryOp::IntAddChecked, l, r, Int),
                Operator::Sub => bin(BinaryOp::IntSubChecked, l, r, Int),
                Operator::Mult => bin(BinaryOp::IntMulChecked, l, r, Int),
                Operator::BitAnd => bin(BinaryOp::IntAnd, l, r, Int),
                Operator::BitOr => bin(BinaryOp::IntOr, l, r, Int),
                Operator::BitXor => bin(BinaryOp::IntXor, l, r, Int),
                Operator::Div => Ok(tir::Expr::rt(Rt::IntTrueDiv, vec![l, r], Float)),
                Operator::FloorDiv | Operator::Mod | Operator::RShift => Ok(int_division(op, l, r)),
                Operator::Pow => {
                    if let ExprKind::Int(e) = r.kind
                        && e < 0
                    {
                        return Err(self.error(
                            range,
                            "a negative exponent on int gives a float: use a float base \
                             (float(x) ** y)",
                        ));
                    }
                    Ok(tir::Expr::rt(Rt::IntPow, vec![l, r], Int))
                }
                Operator::LShift => Ok(tir::Expr::rt(Rt::IntLshift, vec![l, r], Int)),
                Operator::MatMult => Err(self.error(range, "'@' is not supported")),
            },
            (Int | Float, Int | Float) => {
                let l = to_float(l);
                let r = to_float(r);
                match op {
                    Operator::Add => bin(BinaryOp::FloatAdd, l, r, Float),
                    Operator::Sub => bin(BinaryOp::FloatSub, l, r, Float),
                    Operator::Mult => bin(BinaryOp::FloatMul, l, r, Float),
                    Operator::Div => Ok(tir::Expr::rt(Rt::FloatDiv, vec![l, r], Float)),
                    Operator::FloorDiv => Ok(tir::Expr::rt(Rt::FloatFloorDiv, vec![l, r], Float)),
                    Operator::Mod => Ok(tir::Expr::rt(Rt::FloatMod, vec![l, r], Float)),
                    Operator::Pow => Ok(tir::Expr::rt(Rt::FloatPow, vec![l, r], Float)),
                    _ => Err(self.error(
                        range,
                        format!("unsupported operand types for '{}': float", op.as_str()),
                    )),
                }
            }
            (Str, Str) if op == Operator::Add => Ok(tir::Expr::rt(Rt::StrConcat, vec![l, r], Str)),
            (Str, Int) if op == Operator::Mult => Ok(tir::Expr::rt(Rt::StrRepeat, vec![l, r], Str)),
            (Int, Str) if op == Operator::Mult => Ok(tir::Expr::rt(Rt::StrRepeat, vec![r, l], Str)),
            (List(a), List(b)) if op == Operator::Add && a == b => {
                let t = l.ty.clone();
                Ok(tir::Expr::rt(Rt::ListConcat, vec![l, r], t))
            }
            (Str, _) if op == Operator::Mod => self.str_percent_values(l, r, range),
            (List(_), Int) if op == Operator::Mult => {
                let t = l.ty.clone();
                Ok(tir::Expr::rt(Rt::ListRepeat, vec![l, r], t))
            }
            (Int, List(_)) if op == Operator::Mult => {
                let t = r.ty.clone();
                Ok(tir::Expr::rt(Rt::ListRepeat, vec![r, l], t))
            }
            (Optional(_), _) | (_, Optional(_)) => Err(self.error(
                range,
                format!(
                    "unsupported operand types for '{}': {} and {} (narrow the optional first)",
                    op.as_str(),
                    type_name(&l.ty),
                    type_name(&r.ty)
                ),
            )),
            _ => Err(self.error(
                range,
                format!(
                    "unsupported operand types for '{}': {} and {}",
                    op.as_str(),
                    type_name(&l.ty),
                    type_name(&r.ty)
                ),
            )),
        }
    }

    fn bool_op(&mut self, e: &Expr, b: &ast::ExprBoolOp, expected: Option<&Type>) -> R<tir::Expr> {
        // All-bool operands: plain short-circuit logic (with narrowing inside).
        if b.values.iter().all(|v| self.looks_bool(v)) {
            return Ok(self.cond(e)?.0);
        }
        // Value semantics: `a or b` yields a if it is truthy, else b (and dually for `and`).
        // Each operand sees what the operands before it imply when evaluation reaches it.
        let saved = self.flow.narrowed.clone();
        let r = self.bool_op_values(b, expected);
        self.flow.narrowed = saved;
        r
    }

    /// An operand of a value-semantics `and`/`or`: its value, and what its being true
    /// or false implies (isinstance, `is None`, `not`, optionals tested for truth).
    fn bool_operand(
        &mut self,
        e: &Expr,
        expected: Option<&Type>,
    ) -> R<(tir::Expr, Narrowing, Narrowing)> {
        let is_test = match e {
            Expr::Compare(c) => c.ops.len() == 1 && matches!(c.ops[0], CmpOp::Is | CmpOp::IsNot),
            Expr::Call(call) => {
                matches!(call.func.as_ref(), Expr::Name(n) if n.id.as_str() == "isinstance")
                    && !self.is_shadowed("isinstance")
            }
            Expr::UnaryOp(u) => u.op == ast::UnaryOp::Not,
            _ => false,
        };
        if is_test {
            return self.cond(e);
        }
        let v = self.expr(e, expected)?;
        let yes = match (&v.ty, self.narrow_key(e)) {
            (Type::Optional(inner), Some(key)) => vec![(key, (**inner).clone())],
            _ => Vec::new(),
        };
        Ok((v, yes, Vec::new()))
    }

    fn bool_op_values(&mut self, b: &ast::ExprBoolOp, expected: Option<&Type>) -> R<tir::Expr> {
        let (mut acc, mut yes, mut no) = self.bool_operand(&b.values[0], expected)?;
        for v in &b.values[1..] {
            match b.op {
                ast::BoolOp::And => self.apply(&yes),
                ast::BoolOp::Or => self.apply(&no),
            }
            let (rhs, y, n) = self.bool_operand(v, expected)?;
            (yes, no) = (y, n);
            let ty = match (b.op, &acc.ty, &rhs.ty) {
                (ast::BoolOp::Or, Type::Optional(inner), t) if **inner == *t => t.clone(),
                _ => self.unify(&acc.ty, &rhs.ty, expected, b.range)?,
            };
            let (s, t) = self.bind_temp(acc);
            let truth = self.truthy(t.clone())?;
            let left_val = match (&t.ty, &ty) {
                (Type::Optional(_), t2) if !matches!(t2, Type::Optional(_)) => {
                    tir::Expr::new(t.kind.clone(), ty.clone())
                }
                _ => self.coerce(t.clone(), &ty, b.range)?,
            };
            let rhs = self.coerce(rhs, &ty, v.range())?;
            let (then, otherwise) = match b.op {
                ast::BoolOp::Or => (left_val, rhs),
                ast::BoolOp::And => (rhs, left_val),
            };
            acc = tir::Expr::new(
                ExprKind::Block(
                    vec![s],
                    Box::new(tir::Expr::new(
                        ExprKind::IfElse {
                            cond: Box::new(truth),
                            then: Box::new(then),
                            otherwise: Box::new(otherwise),
                        },
                        ty.clone(),
                    )),
                ),
                ty,
            );
        }
        Ok(acc)
    }

    /// Whether an expression is syntactically sure to be a `bool` (comparisons, `not`, literals, bool locals).
    fn looks_bool(&self, e: &Expr) -> bool {
        match e {
            Expr::Compare(_) | Expr::BooleanLiteral(_) => true,
            Expr::UnaryOp(u) => u.op == ast::UnaryOp::Not,
            Expr::BoolOp(b) => b.values.iter().all(|v| self.looks_bool(v)),
            Expr::Name(n) => self
                .names
                .get(n.id.as_str())
                .is_some_and(|id| self.locals[id.0 as usize].ty == Type::Bool),
            Expr::Call(c) => match c.func.as_ref() {
                Expr::Name(n) => match self.cx.module(self.module).scope.get(n.id.as_str()) {
                    Some(Binding::Function(f)) => self.cx.func_sigs[f.0 as usize]
                        .as_ref()
                        .is_some_and(|s| s.ret == Type::Bool),
                    _ => matches!(n.id.as_str(), "isinstance" | "bool"),
                },
                Expr::Attribute(a) => {
                    a.attr.id.starts_with("is")
                        || matches!(a.attr.id.as_str(), "startswith" | "endswith")
                }
                _ => false,
            },
            _ => false,
        }
    }

    fn compare(&mut self, c: &ast::ExprCompare) -> R<tir::Expr> {
        if c.ops.len() == 1 {
            // An empty display takes its type from the other side (it has no side effects to reorder).
            let right_ast = &c.comparators[0];
            let (left, right) = if is_empty_display(&c.left) {
                let right = self.expr(right_ast, None)?;
                (self.expr(&c.left, Some(&right.ty))?, right)
            } else {
                let left = self.expr(&c.left, None)?;
                let expected = is_empty_display(right_ast).then(|| left.ty.clone());
                (left, self.expr(right_ast, expected.as_ref())?)
            };
            return self.compare_one(c.ops[0], left, right, c.range());
        }
        let left = self.expr(&c.left, None)?;
        // A chain evaluates each operand once, left to right, and stops at the first false link.
        let (s, mut prev) = self.bind_temp(left);
        let mut pending = vec![s];
        let mut acc: Option<tir::Expr> = None;
        for (op, right) in c.ops.iter().zip(c.comparators.iter()) {
            let r = self.expr(right, None)?;
            let (s, r) = self.bind_temp(r);
            pending.push(s);
            let cmp = self.compare_one(*op, prev, r.clone(), c.range())?;
            let link = tir::Expr::new(
                ExprKind::Block(std::mem::take(&mut pending), Box::new(cmp)),
                Type::Bool,
            );
            acc = Some(match acc {
                None => link,
                Some(a) => tir::Expr::new(ExprKind::And(Box::new(a), Box::new(link)), Type::Bool),
            });
            prev = r;
        }
        Ok(acc.expect("a chain has operators"))
    }

    /// One comparison of two checked operands.
    fn compare_one(
        &mut self,
        op: CmpOp,
        l: tir::Expr,
        r: tir::Expr,
        range: TextRange,
    ) -> R<tir::Expr> {
        use Type::*;
        if matches!((&l.ty, &r.ty), (Set(_), Set(_)))
            && !matches!(op, CmpOp::Is | CmpOp::IsNot | CmpOp::In | CmpOp::NotIn)
        {
            return self.set_compare(op, l, r, range);
        }
        let (l, r) = super::collections::optional_operands(op, l, r);
        let lt = l.ty.clone();
        let rt = r.ty.clone();
        if !matches!(op, CmpOp::Is | CmpOp::IsNot) {
            self.refuse_callable_comparison(&lt, &rt, range)?;
        }
        match op {
            CmpOp::Is | CmpOp::IsNot => {
                let neg = op == CmpOp::IsNot;
                let test = match (&lt, &rt) {
                    (None, t) | (t, None) if t.is_ref() => {
                        let (v, none_side) = if lt == None { (r, l) } else { (l, r) };
                        self.with_none_side(lt == None, none_side, v, |v| {
                            tir::Expr::unary(UnaryOp::IsNull, v, Bool)
                        })
                    }
                    (None, None) => order::both_then(l, r, tir::Expr::bool(true)),
                    (Bool, Bool) => tir::Expr::binary(BinaryOp::BoolEq, l, r, Bool),
                    (a, b) if a.is_ref() && b.is_ref() => {
                        self.refuse_callable_identity(a, b, range)?;
                        tir::Expr::binary(BinaryOp::RefEq, l, r, Bool)
                    }
                    _ => {
                        return Err(self.error(
                            range,
                            format!(
                                "'is' compares identity and is only for references and None, not {} and {}: use '=='",
                                type_name(&lt),
                                type_name(&rt)
                            ),
                        ));
                    }
                };
                Ok(if neg {
                    tir::Expr::unary(UnaryOp::BoolNot, test, Bool)
                } else {
                    test
                })
            }
            CmpOp::In | CmpOp::NotIn => {
                // The item is evaluated before the container.
                let (hoisted, l) = order::first(self, l);
                let test = order::after(hoisted, self.contains(r, l, range)?);
                Ok(if op == CmpOp::NotIn {
                    tir::Expr::unary(UnaryOp::BoolNot, test, Bool)
                } else {
                    test
                })
            }
            _ => {
                let ordering = !matches!(op, CmpOp::Eq | CmpOp::NotEq);
                let (int_op, float_op) = match op {
                    CmpOp::Eq => (BinaryOp::IntEq, BinaryOp::FloatEq),
                    CmpOp::NotEq => (BinaryOp::IntNe, BinaryOp::FloatNe),
                    CmpOp::Lt => (BinaryOp::IntLt, BinaryOp::FloatLt),
                    CmpOp::LtE => (BinaryOp::IntLe, BinaryOp::FloatLe),
                    CmpOp::Gt => (BinaryOp::IntGt, BinaryOp::FloatGt),
                    _ => (BinaryOp::IntGe, BinaryOp::FloatGe),
                };
                match (&lt, &rt) {
                    (Int, Int) => Ok(tir::Expr::binary(int_op, l, r, Bool)),
                    (Int | Float, Int | Float) => {
                        Ok(tir::Expr::binary(float_op, to_float(l), to_float(r), Bool))
                    }
                    (Bool, Bool) if !ordering => Ok(tir::Expr::binary(
                        if op == CmpOp::Eq {
                            BinaryOp::BoolEq
                        } else {
                            BinaryOp::BoolNe
                        },
                        l,
                        r,
                        Bool,
                    )),
                    (Bool, Bool) => Ok(tir::Expr::binary(
                        int_op,
                        tir::Expr::unary(UnaryOp::BoolToInt, l, Int),
                        tir::Expr::unary(UnaryOp::BoolToInt, r, Int),
                        Bool,
                    )),
                    (Instance(_) | Object, _) | (_, Instance(_) | Object) if !ordering => {
                        self.instance_equality(op == CmpOp::NotEq, l, r, range)
                    }
                    (Optional(_), Optional(_) | None) | (None, Optional(_))
                        if !ordering
                            && (is_instance_like(&lt) || lt == None)
                            && (is_instance_like(&rt) || rt == None) =>
                    {
                        self.instance_equality(op == CmpOp::NotEq, l, r, range)
                    }
                    (Instance(_) | Object, _) | (_, Instance(_) | Object) => {
                        self.instance_ordering(op, l, r, range)
                    }
                    (Str, Str) if !ordering => {
                        let eq = tir::Expr::rt(Rt::StrEq, vec![l, r], Bool);
                        Ok(if op == CmpOp::Eq {
                            eq
                        } else {
                            tir::Expr::unary(UnaryOp::BoolNot, eq, Bool)
                        })
                    }
                    (Str, Str) => Ok(tir::Expr::binary(
                        int_op,
                        tir::Expr::rt(Rt::StrCmp, vec![l, r], Int),
                        tir::Expr::int(0),
                        Bool,
                    )),
                    (None, t) | (t, None) if !ordering => {
                        if t.is_ref() {
                            let (v, none_side) = if lt == None { (r, l) } else { (l, r) };
                            let null = self.with_none_side(lt == None, none_side, v, |v| {
                                tir::Expr::unary(UnaryOp::IsNull, v, Bool)
                            });
                            Ok(if op == CmpOp::Eq {
                                null
                            } else {
                                tir::Expr::unary(UnaryOp::BoolNot, null, Bool)
                            })
                        } else {
                            let known = tir::Expr::bool((op == CmpOp::Eq) == (*t == None));
                            Ok(order::both_then(l, r, known))
                        }
                    }
                    _ => {
                        let ty = match (&lt, &rt) {
                            (a, b) if a == b => a.clone(),
                            // A fixed tuple of one element type compares with a tuple[T, ...].
                            (VarTuple(e), Tuple(ts)) | (Tuple(ts), VarTuple(e))
                                if ts.iter().all(|t| t == &**e) =>
                            {
                                VarTuple(e.clone())
                            }
                            (Optional(i), t) | (t, Optional(i)) if **i == *t && !ordering => {
                                Optional(i.clone())
                            }
                            _ => {
                                return Err(self.error(
                                    range,
                                    format!(
                                        "cannot compare {} and {} with '{}'",
                                        type_name(&lt),
                                        type_name(&rt),
                                        op.as_str()
                                    ),
                                ));
                            }
                        };
                        if ordering && !orderable(&ty) {
                            return Err(self.error(
                                range,
                                format!(
                                    "'{}' is not supported between values of type {}",
                                    op.as_str(),
                                    type_name(&ty)
                                ),
                            ));
                        }
                        let l = tir::Expr::new(l.kind, ty.clone());
                        let r = tir::Expr::new(r.kind, ty.clone());
                        if ordering {
                            // CPython's answer, NaN included (no total order).
                            let code = match op {
                                CmpOp::Lt => 0,
                                CmpOp::LtE => 1,
                                CmpOp::Gt => 2,
                                _ => 3,
                            };
                            let args = vec![l, r, tir::Expr::type_code(ty), tir::Expr::int(code)];
                            Ok(tir::Expr::rt(Rt::Order, args, Bool))
                        } else {
                            let eq =
                                tir::Expr::rt(Rt::Eq, vec![l, r, tir::Expr::type_code(ty)], Bool);
                            Ok(if op == CmpOp::Eq {
                                eq
                            } else {
                                tir::Expr::unary(UnaryOp::BoolNot, eq, Bool)
                            })
                        }
                    }
                }
            }
        }
    }

    /// `item in container`.
    fn contains(
        &mut self,
        container: tir::Expr,
        item: tir::Expr,
        range: TextRange,
    ) -> R<tir::Expr> {
        match container.ty.clone() {
            Type::Str => {
                let item = self.coerce(item, &Type::Str, range)?;
                Ok(tir::Expr::rt(
                    Rt::StrContains,
                    vec![container, item],
                    Type::Bool,
                ))
            }
            Type::List(e) | Type::DictKeys(e) | Type::DictValues(e) => {
                let item = self.coerce(item, &e, range)?;
                Ok(tir::Expr::rt(
                    Rt::ListContains,
                    vec![container, item, tir::Expr::type_code((*e).clone())],
                    Type::Bool,
                ))
            }
            Type::Set(_) => self.set_contains(container, item, range),
            Type::VarTuple(e) => {
                let item = self.coerce(item, &e, range)?;
                Ok(tir::Expr::rt(
                    Rt::ListContains,
                    vec![
                        super::tuples::to_list(container),
                        item,
                        tir::Expr::type_code((*e).clone()),
                    ],
                    Type::Bool,
                ))
            }
            Type::Dict(k, _) => {
                let item = self.coerce(item, &k, range)?;
                Ok(tir::Expr::rt(
                    Rt::DictContains,
                    vec![container, item],
                    Type::Bool,
                ))
            }
            other => Err(self.not_narrowed_or(range, &other, "does not support 'in'")),
        }
    }

    fn subscript(&mut self, s: &ast::ExprSubscript) -> R<tir::Expr> {
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
            let mut bound = |b: &Option<Box<Expr>>| -> R<tir::Expr> {
                match b {
                    None => Ok(tir::Expr::int(crate::rt::MISSING)),
                    Some(e) => self.expr_as(e, &Type::Int),
                }
            };
            let lo = bound(&sl.lower)?;
            let hi = bound(&sl.upper)?;
            let step = bound(&sl.step)?;
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
    fn index_value(&mut self, obj: tir::Expr, idx: tir::Expr, range: TextRange) -> R<tir::Expr> {
        Ok(match obj.ty.clone() {
            Type::Str => tir::Expr::rt(Rt::StrGetItem, vec![obj, idx], Type::Str),
            Type::List(e) => tir::Expr::rt(Rt::ListGetItem, vec![obj, idx], *e),
            Type::Dict(_, v) => tir::Expr::rt(Rt::DictGetItem, vec![obj, idx], *v),
            other => return Err(self.not_narrowed_or(range, &other, "is not subscriptable")),
        })
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

    fn dict_display(&mut self, d: &ast::ExprDict, expected: Option<&Type>) -> R<tir::Expr> {
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
fn is_instance_like(t: &Type) -> bool {
    match t {
        Type::Instance(_) => true,
        Type::Optional(i) => matches!(**i, Type::Instance(_)),
        _ => false,
    }
}

/// `[]` or `{}`: a display whose type must come from its context.
fn is_empty_display(e: &Expr) -> bool {
    match e {
        Expr::List(l) => l.elts.is_empty(),
        Expr::Dict(d) => d.items.is_empty(),
        Expr::Tuple(t) => t.elts.is_empty(),
        _ => false,
    }
}

fn orderable(t: &Type) -> bool {
    match t {
        Type::Int | Type::Float | Type::Str | Type::Bool => true,
        Type::List(e) | Type::VarTuple(e) => orderable(e),
        Type::Tuple(ts) => ts.iter().all(orderable),
        _ => false,
    }
}

fn nonzero(len: tir::Expr) -> tir::Expr {
    tir::Expr::binary(BinaryOp::IntNe, len, tir::Expr::int(0), Type::Bool)
}

pub(super) fn to_float(e: tir::Expr) -> tir::Expr {
    if e.ty == Type::Int {
        tir::Expr::unary(UnaryOp::IntToFloat, e, Type::Float)
    } else {
        e
    }
}

fn null_str() -> tir::Expr {
    tir::Expr::new(ExprKind::None, Type::Optional(Box::new(Type::Str)))
}

fn raise_builtin(kind: ExcKind, msg: tir::Expr) -> tir::Expr {
    tir::Expr::rt(
        Rt::RaiseBuiltin,
        vec![tir::Expr::int(kind as i64), msg],
        Type::None,
    )
}

fn is_main_guard(test: &Expr) -> bool {
    matches!(test, Expr::Compare(c)
        if matches!(c.left.as_ref(), Expr::Name(n) if n.id.as_str() == "__name__"))
}

fn target_names_of(t: &Expr, out: &mut Vec<String>) {
    match t {
        Expr::Name(n) => out.push(n.id.to_string()),
        Expr::Tuple(tu) => tu.elts.iter().for_each(|e| target_names_of(e, out)),
        Expr::List(l) => l.elts.iter().for_each(|e| target_names_of(e, out)),
        _ => {}
    }
}

/// Collects the attribute names a body assigns (`obj.name = ...`, `obj.name += ...`).
fn scan_attr_targets(body: &[Stmt], out: &mut Vec<String>) {
    fn target(t: &Expr, out: &mut Vec<String>) {
        match t {
            Expr::Attribute(a) => out.push(a.attr.id.to_string()),
            Expr::Tuple(tu) => tu.elts.iter().for_each(|e| target(e, out)),
            Expr::List(l) => l.elts.iter().for_each(|e| target(e, out)),
            _ => {}
        }
    }
    for s in body {
        match s {
            Stmt::Assign(a) => a.targets.iter().for_each(|t| target(t, out)),
            Stmt::AugAssign(a) => target(&a.target, out),
            Stmt::AnnAssign(a) => target(&a.target, out),
            Stmt::For(f) => {
                target(&f.target, out);
                scan_attr_targets(&f.body, out);
            }
            Stmt::While(w) => scan_attr_targets(&w.body, out),
            Stmt::With(w) => {
                for item in &w.items {
                    if let Some(t) = &item.optional_vars {
                        target(t, out);
                    }
                }
                scan_attr_targets(&w.body, out);
            }
            Stmt::If(i) => {
                scan_attr_targets(&i.body, out);
                for c in &i.elif_else_clauses {
                    scan_attr_targets(&c.body, out);
                }
            }
            Stmt::Try(t) => {
                scan_attr_targets(&t.body, out);
                for h in &t.handlers {
                    let ast::ExceptHandler::ExceptHandler(h) = h;
                    scan_attr_targets(&h.body, out);
                }
                scan_attr_targets(&t.orelse, out);
                scan_attr_targets(&t.finalbody, out);
            }
            _ => {}
        }
    }
}

/// Collects assigned names, annotations and `global` names of a function body (not nested defs).
fn scan_block<'s>(
    body: &'s [Stmt],
    assigned: &mut Vec<String>,
    anns: &mut Vec<(String, &'s Expr)>,
    globals: &mut Vec<&'s ast::Identifier>,
) {
    for s in body {
        match s {
            Stmt::Assign(a) => a.targets.iter().for_each(|t| target_names_of(t, assigned)),
            Stmt::AnnAssign(a) => {
                if let Expr::Name(n) = a.target.as_ref() {
                    assigned.push(n.id.to_string());
                    anns.push((n.id.to_string(), &a.annotation));
                }
            }
            Stmt::AugAssign(a) => target_names_of(&a.target, assigned),
            Stmt::For(f) => {
                target_names_of(&f.target, assigned);
                scan_block(&f.body, assigned, anns, globals);
                scan_block(&f.orelse, assigned, anns, globals);
            }
            Stmt::While(w) => {
                scan_block(&w.body, assigned, anns, globals);
                scan_block(&w.orelse, assigned, anns, globals);
            }
            Stmt::With(w) => {
                for item in &w.items {
                    if let Some(t) = &item.optional_vars {
                        target_names_of(t, assigned);
                    }
                }
                scan_block(&w.body, assigned, anns, globals);
            }
            Stmt::If(i) => {
                scan_block(&i.body, assigned, anns, globals);
                for c in &i.elif_else_clauses {
                    scan_block(&c.body, assigned, anns, globals);
                }
            }
            Stmt::Try(t) => {
                scan_block(&t.body, assigned, anns, globals);
                for h in &t.handlers {
                    let ast::ExceptHandler::ExceptHandler(h) = h;
                    scan_block(&h.body, assigned, anns, globals);
                }
                scan_block(&t.orelse, assigned, anns, globals);
                scan_block(&t.finalbody, assigned, anns, globals);
            }
            Stmt::Global(g) => globals.extend(g.names.iter()),
            _ => {}
        }
    }
}
