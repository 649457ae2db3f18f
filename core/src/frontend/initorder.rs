//! Module-level code runs in order: a global's initialiser may only use what
//! is already defined when it runs.
//!
//! CPython executes a module's statements one after another: an initialiser
//! that reads a global assigned further down, or calls a function defined
//! further down (or one that, when called, reads such a global), raises
//! `NameError`; one that reads a name of a module that is only partly
//! initialised because of a circular import raises `AttributeError`. The
//! translator binds every function and class before any code runs and zeroes
//! every global, so the same program would quietly read a zero. This pass
//! refuses such programs at check time:
//!
//! - a name used (directly, or by a function or constructor the initialiser
//!   calls, transitively) must be defined by an earlier statement of its module;
//! - module-level code may not use names of another module in the same import
//!   cycle, which CPython may find partly initialised.
//!
//! It follows calls of module-level functions and constructors (their
//! `__init__`), by reading their syntax; calls of methods on objects are not
//! followed. It runs only on programs with no other error.

use std::collections::{HashMap, HashSet};

use ruff_python_ast::visitor::{self, Visitor};
use ruff_python_ast::{self as ast, Expr, Stmt};
use ruff_text_size::Ranged;

use super::context::Context;
use super::defs::{Binding, ModId};
use crate::tir;

/// Something defined at module level, and where.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
enum Item {
    Global(tir::GlobalId),
    Function(tir::FuncId),
    Class(tir::ClassId),
}

impl Context<'_> {
    pub(super) fn check_initialisation_order(&mut self) {
        let cycle_of = self.import_cycles();
        let mut errors = Vec::new();
        for m in 0..self.modules.len() {
            let m = ModId(m as u32);
            let Some(file) = self.module(m).file else {
                continue;
            };
            for (k, stmt) in self.module(m).body.iter().enumerate() {
                let value = match stmt {
                    Stmt::AnnAssign(a) => a.value.as_deref(),
                    Stmt::Assign(a) => Some(a.value.as_ref()),
                    _ => None,
                };
                let Some(value) = value else { continue };
                if let Some(message) = self.first_premature_use(m, k, value, &cycle_of) {
                    errors.push((file, value.range(), message));
                }
            }
        }
        for (file, range, message) in errors {
            self.error(file, range, message);
        }
    }

    /// Why the initialiser `value` of statement `k` of module `m` would fail
    /// in CPython, if it would.
    fn first_premature_use(
        &self,
        m: ModId,
        k: usize,
        value: &Expr,
        cycle_of: &HashMap<ModId, usize>,
    ) -> Option<String> {
        let mut seen: HashSet<Item> = HashSet::new();
        // (item, the function whose call reaches it: None when used directly)
        let mut work: Vec<(Item, Option<String>)> = self
            .uses_in(m, |v| v.visit_expr(value), &HashSet::new())
            .into_iter()
            .map(|i| (i, None))
            .collect();
        while let Some((item, via)) = work.pop() {
            if !seen.insert(item) {
                continue;
            }
            let (owner, index, name) = self.item_site(item)?;
            let how = match &via {
                Some(f) => format!("calling '{f}' here uses '{name}'"),
                None => format!("'{name}' is used here"),
            };
            if owner == m && index >= k {
                let line = self.line_of(owner, index);
                return Some(format!(
                    "{how}, but it is defined later (line {line}): module-level code runs in \
                     order, and CPython raises NameError (move the definition up)"
                ));
            }
            if owner != m
                && cycle_of.get(&owner).is_some()
                && cycle_of.get(&owner) == cycle_of.get(&m)
            {
                let other = &self.module(owner).name;
                return Some(format!(
                    "{how}, from module '{other}', which imports this module in a cycle: \
                     CPython may find '{other}' partly initialised (AttributeError); use it \
                     inside functions only"
                ));
            }
            // A function or constructor called now runs its body now.
            let called = match item {
                Item::Function(f) => Some(f),
                Item::Class(c) => self.init_of(c),
                Item::Global(_) => None,
            };
            if let Some(f) = called
                && let Some((fm, def)) = self.function_def(f)
            {
                let via = via.clone().unwrap_or_else(|| name.clone());
                let locals = local_names(def);
                for used in self.uses_in(fm, |v| v.visit_body(&def.body), &locals) {
                    work.push((used, Some(via.clone())));
                }
            }
        }
        None
    }

    /// The module-level items of module `m` that `visit` names.
    fn uses_in(
        &self,
        m: ModId,
        visit: impl FnOnce(&mut Names),
        locals: &HashSet<String>,
    ) -> Vec<Item> {
        let mut names = Names::default();
        visit(&mut names);
        let scope = &self.module(m).scope;
        let mut out = Vec::new();
        for n in names.loads {
            if locals.contains(&n) {
                continue;
            }
            match scope.get(&n) {
                Some(Binding::Global(g)) => out.push(Item::Global(*g)),
                Some(Binding::Function(f)) => out.push(Item::Function(*f)),
                Some(Binding::Class(c)) => out.push(Item::Class(*c)),
                _ => {}
            }
        }
        for (module, attr) in names.attributes {
            if locals.contains(&module) {
                continue;
            }
            let Some(Binding::Module(target)) = scope.get(&module) else {
                continue;
            };
            match self.module(*target).scope.get(&attr) {
                Some(Binding::Global(g)) => out.push(Item::Global(*g)),
                Some(Binding::Function(f)) => out.push(Item::Function(*f)),
                Some(Binding::Class(c)) => out.push(Item::Class(*c)),
                _ => {}
            }
        }
        out
    }

    /// The module, statement index and name of a user item; `None` for items
    /// defined elsewhere (the builtin classes, an exports file's items).
    fn item_site(&self, item: Item) -> Option<(ModId, usize, String)> {
        match item {
            Item::Global(g) => {
                let info = self.global_info.iter().find(|i| i.id == g)?;
                Some((info.module, info.stmt_index, info.name.clone()))
            }
            Item::Function(f) => {
                let sig = self.func_sigs.get(f.0 as usize)?.as_ref()?;
                if sig.method.is_some() {
                    return None;
                }
                Some((sig.module, sig.stmt_index, sig.name.clone()))
            }
            Item::Class(c) => {
                let info = self.classes.get(c.0 as usize)?;
                Some((info.module?, info.stmt_index, info.name.clone()))
            }
        }
    }

    fn line_of(&self, m: ModId, index: usize) -> usize {
        let module = self.module(m);
        match (module.file, module.body.get(index)) {
            (Some(file), Some(stmt)) => {
                self.sources.line_col(file, stmt.range().start().to_u32()).0
            }
            _ => 0,
        }
    }

    /// The `__init__` a constructor call of class `c` runs, if a user one.
    fn init_of(&self, c: tir::ClassId) -> Option<tir::FuncId> {
        let mut cur = Some(c);
        while let Some(k) = cur {
            let info = self.classes.get(k.0 as usize)?;
            if let Some(&f) = info.methods.get("__init__") {
                return Some(f);
            }
            cur = info.parent;
        }
        None
    }

    /// The syntax of user function `f` (a module-level function or a method) and its module.
    fn function_def(&self, f: tir::FuncId) -> Option<(ModId, &ast::StmtFunctionDef)> {
        let sig = self.func_sigs.get(f.0 as usize)?.as_ref()?;
        let module = self.module(sig.module);
        let stmt = match self.method_locs.get(&f) {
            Some(&(_, class_stmt, method_index)) => match module.body.get(class_stmt)? {
                Stmt::ClassDef(class) => class.body.get(method_index)?,
                _ => return None,
            },
            None => module.body.get(sig.stmt_index)?,
        };
        match stmt {
            Stmt::FunctionDef(def) => Some((sig.module, def)),
            _ => None,
        }
    }

    /// Each module in an import cycle, mapped to its cycle's number.
    fn import_cycles(&self) -> HashMap<ModId, usize> {
        let n = self.modules.len();
        let edges: Vec<Vec<usize>> = (0..n)
            .map(|m| {
                self.imported_modules(ModId(m as u32))
                    .into_iter()
                    .map(|d| d.0 as usize)
                    .collect()
            })
            .collect();
        // Modules that reach each other are in one cycle: compare reachability
        // sets, computed by one walk per module (programs have few modules).
        let reach: Vec<HashSet<usize>> = (0..n)
            .map(|start| {
                let mut seen = HashSet::new();
                let mut stack = vec![start];
                while let Some(m) = stack.pop() {
                    for &d in &edges[m] {
                        if seen.insert(d) {
                            stack.push(d);
                        }
                    }
                }
                seen
            })
            .collect();
        let mut out = HashMap::new();
        for a in 0..n {
            if let Some(b) = (0..n).find(|&b| reach[a].contains(&b) && reach[b].contains(&a)) {
                out.insert(ModId(a as u32), b);
            }
        }
        out
    }
}

/// The names a function binds locally: its parameters and every name it
/// assigns, less those it declares `global`.
fn local_names(def: &ast::StmtFunctionDef) -> HashSet<String> {
    let mut binds = Binds::default();
    binds.visit_body(&def.body);
    let mut locals: HashSet<String> = def
        .parameters
        .iter()
        .map(|p| p.name().id.to_string())
        .collect();
    locals.extend(binds.stores);
    for g in &binds.globals {
        locals.remove(g);
    }
    locals
}

/// Names loaded, and `NAME.attr` loads, in a piece of syntax (not in nested
/// functions or classes, which do not run when defined).
#[derive(Default)]
struct Names {
    loads: Vec<String>,
    attributes: Vec<(String, String)>,
}

impl<'a> Visitor<'a> for Names {
    fn visit_stmt(&mut self, s: &'a Stmt) {
        match s {
            Stmt::FunctionDef(_) | Stmt::ClassDef(_) => {}
            _ => visitor::walk_stmt(self, s),
        }
    }

    fn visit_expr(&mut self, e: &'a Expr) {
        match e {
            Expr::Name(n) if n.ctx == ast::ExprContext::Load => self.loads.push(n.id.to_string()),
            Expr::Attribute(a) => {
                if let Expr::Name(n) = a.value.as_ref() {
                    self.attributes
                        .push((n.id.to_string(), a.attr.id.to_string()));
                }
                visitor::walk_expr(self, e);
            }
            Expr::Lambda(_) => {}
            _ => visitor::walk_expr(self, e),
        }
    }
}

/// Names a function body stores to, and those it declares `global`.
#[derive(Default)]
struct Binds {
    stores: Vec<String>,
    globals: Vec<String>,
}

impl<'a> Visitor<'a> for Binds {
    fn visit_stmt(&mut self, s: &'a Stmt) {
        match s {
            Stmt::Global(g) => self
                .globals
                .extend(g.names.iter().map(|n| n.id.to_string())),
            Stmt::FunctionDef(f) => self.stores.push(f.name.id.to_string()),
            Stmt::ClassDef(c) => self.stores.push(c.name.id.to_string()),
            Stmt::Try(t) => {
                for h in &t.handlers {
                    let ast::ExceptHandler::ExceptHandler(h) = h;
                    if let Some(name) = &h.name {
                        self.stores.push(name.id.to_string());
                    }
                }
                visitor::walk_stmt(self, s);
            }
            _ => visitor::walk_stmt(self, s),
        }
    }

    fn visit_expr(&mut self, e: &'a Expr) {
        if let Expr::Name(n) = e
            && n.ctx == ast::ExprContext::Store
        {
            self.stores.push(n.id.to_string());
        }
        visitor::walk_expr(self, e);
    }
}
