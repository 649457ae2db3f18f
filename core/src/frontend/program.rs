//! Checking a whole program's bodies: each function body in turn, each
//! module's global initialisers (in import order) and the decorators at module
//! level, then the entry point: `main` for a core, `init_module` for an
//! extension.

use seam_abi::symbols::{ItemKind, mangle};
use std::collections::HashSet;

use ruff_python_ast::{self as ast, Expr, Stmt};
use ruff_text_size::{Ranged, TextRange};

use super::checker::{Checker, R};
use super::context::Context;
use super::defs::{Binding, ModId};
use super::rules::{EntryParam, EntryPoint};
use crate::tir::{self, ClassId, Type};

impl Context<'_> {
    /// Interns a string literal.
    pub(super) fn intern(&mut self, s: &str) -> tir::StrId {
        if let Some(i) = self.program.strings.iter().position(|x| x == s) {
            return tir::StrId(i as u32);
        }
        self.program.strings.push(s.to_string());
        tir::StrId(self.program.strings.len() as u32 - 1)
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
            if ck.cx.is_c_function(sig.module, &def) {
                let body = ck.c_function_body(&def, &sig, &params).unwrap_or_default();
                let locals = std::mem::take(&mut ck.locals);
                let func = &mut self.program.functions[f];
                func.params = params;
                func.ret = sig.ret.clone();
                func.locals = locals;
                func.body = body;
                continue;
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
                        ck.type_name(&sig.ret)
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

    /// An extension's entry point, `init_module`, as the second translation's
    /// rules accept it: the function and the class of its parameter.
    pub(super) fn find_init_module(&mut self, entry: ModId) -> Option<(tir::FuncId, ClassId)> {
        let file = self.module(entry).file?;
        let rules = self.rules?;
        if self.module(entry).unparsed {
            return None;
        }
        let found = match self.module(entry).scope.get("init_module").cloned() {
            Some(Binding::Function(f)) => {
                let sig = self.func_sigs[f.0 as usize].clone()?;
                Some((f, sig))
            }
            _ => None,
        };
        let imported = |c: ClassId| {
            self.interface
                .as_ref()
                .is_some_and(|i| i.prebuilt.contains_key(&c))
        };
        let (entry_point, range) = match &found {
            None => (EntryPoint::Missing, TextRange::default()),
            Some((_, sig)) => (
                EntryPoint::Function {
                    params: sig
                        .params
                        .iter()
                        .map(|p| EntryParam {
                            imported_class: match p.ty {
                                Type::Instance(c) if imported(c) => Some(c),
                                _ => None,
                            },
                        })
                        .collect(),
                    returns_none: sig.ret == Type::None,
                },
                TextRange::new(sig.def_start.into(), sig.def_end.into()),
            ),
        };
        match (rules.entry_point(&entry_point), found) {
            (Ok(class), Some((f, _))) => Some((f, class)),
            (Ok(_), None) => None,
            (Err(message), _) => {
                self.error(file, range, message);
                None
            }
        }
    }

    /// One initialiser per module, in import order (dependencies first), assigning its globals.
    pub(super) fn build_initialisers(&mut self, entry: ModId) {
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
                symbol: mangle(ItemKind::ModuleInit, &module_name, "init"),
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
    pub(super) fn init_order(&self, entry: ModId) -> Vec<ModId> {
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

    pub(super) fn find_main(&mut self, entry: ModId) {
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
    /// A module-level statement: globals become assignments in the initialiser.
    pub(super) fn module_stmt(&mut self, stmt: &Stmt, out: &mut Vec<tir::Stmt>) {
        match stmt {
            Stmt::FunctionDef(def) => {
                for d in &def.decorator_list {
                    let _ = self.check_decorator(d);
                }
            }
            Stmt::Import(_) | Stmt::ImportFrom(_) | Stmt::Pass(_) => {}
            Stmt::Expr(e) if matches!(e.value.as_ref(), Expr::StringLiteral(_)) => {}
            Stmt::Expr(e)
                if matches!(e.value.as_ref(), Expr::Call(c)
                    if self.cx.seam_item(self.module, &c.func)
                        == Some(super::defs::SeamName::CLibrary)) =>
            {
                if let Expr::Call(c) = e.value.as_ref() {
                    let _ = self.c_library(c);
                }
            }
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
    pub(super) fn global_initialiser(
        &mut self,
        target: &Expr,
        value: &Expr,
        out: &mut Vec<tir::Stmt>,
    ) {
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
        if self.cx.untyped_globals.contains(&g) {
            // Its type could not be decided (already reported): checking the
            // value without the type would only report more of the same.
            return;
        }
        let ty = self.cx.program.globals[g.0 as usize].ty.clone();
        if let Ok(v) = self.expr_as(value, &ty) {
            let stmt = tir::Stmt::AssignGlobal(g, v);
            self.refuse_generic_ops(std::slice::from_ref(&stmt), value.range());
            out.push(stmt);
        }
    }

    pub(super) fn check_decorator(&mut self, d: &ast::Decorator) -> R<()> {
        let target = match &d.expression {
            Expr::Call(c) => c.func.as_ref(),
            other => other,
        };
        if self.cx.seam_item(self.module, target) == Some(super::defs::SeamName::CFunction) {
            return Ok(());
        }
        let ok = match &d.expression {
            Expr::Name(n) => matches!(
                self.cx.module(self.module).scope.get(n.id.as_str()),
                Some(Binding::Seam(
                    super::defs::SeamName::Export | super::defs::SeamName::Final
                ))
            ),
            Expr::Call(c) => match c.func.as_ref() {
                Expr::Name(n) => matches!(
                    self.cx.module(self.module).scope.get(n.id.as_str()),
                    Some(Binding::Seam(super::defs::SeamName::Export))
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
                "unsupported decorator: only @export, @final and @c_function from seam",
            ))
        }
    }
}

pub(super) fn is_main_guard(test: &Expr) -> bool {
    matches!(test, Expr::Compare(c)
        if matches!(c.left.as_ref(), Expr::Name(n) if n.id.as_str() == "__name__"))
}
