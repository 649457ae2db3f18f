//! Definite assignment of fields: every field a class declares is assigned by
//! its `__init__` on every path, before anything reads it.
//!
//! CPython has no declared fields: reading an attribute `__init__` never set
//! raises `AttributeError`. A translated instance has a slot for every field
//! from the start, so the same read would see a zero word. Rather than pay a
//! check on every field read, the front end refuses, at check time, the
//! programs where such a read could happen:
//!
//! - a class declaring fields has an `__init__` (or inherits the fields only);
//! - along every path through `__init__` that returns, every field (its own and
//!   its bases') is assigned, by `self.f = ...` or by the base's `__init__`
//!   (`super().__init__(...)`, `Base.__init__(self, ...)`), which assigns all
//!   of the base's fields since the base was checked by the same rule;
//! - before the last field is assigned, `self` is used only to assign fields
//!   and to read fields already assigned: no method calls (`super().m()`
//!   included), no passing `self` on, since either could read an unassigned
//!   field;
//! - a base's `__init__` that *lends* `self` (calls a method on it or passes it
//!   on, itself or through its own base's `__init__`) could reach an override
//!   that reads a subclass's field: a subclass calls it only once its own
//!   fields are assigned. Whether a class's `__init__` lends `self` is recorded
//!   in the program (and in the exports file, for extensions' subclasses).
//!
//! Assignments inside loops and `try` bodies do not count after them (the body
//! may not run, or may stop half-way). The pass reads the syntax tree and the
//! laid-out classes; it runs only on programs with no other error.

use ruff_python_ast::visitor::{self, Visitor};
use ruff_python_ast::{self as ast, Expr, Stmt};
use ruff_text_size::{Ranged, TextRange};

use super::context::Context;
use super::defs::ModId;

/// Which fields are assigned; `None` on paths that cannot reach the next statement.
type State = Option<Vec<bool>>;

impl Context<'_> {
    /// Checks every class of this translation (not the builtin or imported ones)
    /// and records whether each one's `__init__` lends `self`.
    pub(super) fn check_field_initialisation(&mut self) {
        let mut errors = Vec::new();
        // Builtin and imported classes keep what was recorded for them.
        let mut lends: Vec<bool> = self
            .program
            .classes
            .iter()
            .map(|c| c.init_lends_self)
            .collect();
        for i in self.classes_parents_first() {
            let info = &self.classes[i];
            let Some(module) = info.module else { continue };
            let parent = info.parent.map(|p| p.0 as usize);
            let Some(Stmt::ClassDef(class)) = self.module(module).body.get(info.stmt_index) else {
                continue;
            };
            let fields = self.field_names(i);
            let init = class.body.iter().find_map(|s| match s {
                Stmt::FunctionDef(f) if f.name.id.as_str() == "__init__" => Some(f),
                _ => None,
            });
            let Some(init) = init else {
                if !info.fields.is_empty() {
                    let own: Vec<&str> = info.fields.iter().map(|(n, _)| n.as_str()).collect();
                    errors.push((
                        module,
                        class.name.range,
                        format!(
                            "class {} declares fields ({}) but has no __init__ to assign them",
                            info.name,
                            own.join(", ")
                        ),
                    ));
                }
                lends[i] = parent.is_some_and(|p| lends[p]);
                continue;
            };
            let Some(self_param) = init.parameters.args.first() else {
                continue;
            };
            let mut check = InitCheck {
                cx: self,
                module,
                class_name: &info.name,
                self_name: self_param.parameter.name.id.as_str(),
                fields: &fields,
                parent,
                lends: &lends,
                lends_self: false,
                errors: Vec::new(),
                reported_self_use: false,
            };
            let start = Some(vec![false; fields.len()]);
            let end = check.block(&init.body, start);
            if end.is_some() {
                check.require_complete(&end, init.name.range, "returns");
            }
            let lent = check.lends_self;
            errors.extend(check.errors.into_iter().map(|(r, m)| (module, r, m)));
            lends[i] = lent;
        }
        for (class, lent) in self.program.classes.iter_mut().zip(lends) {
            class.init_lends_self = lent;
        }
        for (module, range, message) in errors {
            if let Some(file) = self.module(module).file {
                self.error(file, range, message);
            }
        }
    }

    /// Every class index, each after its parent's.
    fn classes_parents_first(&self) -> Vec<usize> {
        let depth = |mut c: usize| {
            let mut d = 0;
            while let Some(p) = self.classes[c].parent {
                c = p.0 as usize;
                d += 1;
            }
            d
        };
        let mut order: Vec<usize> = (0..self.classes.len()).collect();
        order.sort_by_key(|&c| depth(c));
        order
    }

    /// The names of every field of class `i`, its bases' included; internal
    /// fields (named with `$`) are the runtime's to set.
    fn field_names(&self, i: usize) -> Vec<String> {
        self.program
            .classes
            .get(i)
            .map(|c| {
                c.fields
                    .iter()
                    .filter(|f| !f.name.starts_with('$'))
                    .map(|f| f.name.clone())
                    .collect()
            })
            .unwrap_or_default()
    }
}

struct InitCheck<'c, 'a> {
    cx: &'c Context<'a>,
    module: ModId,
    class_name: &'c str,
    self_name: &'c str,
    fields: &'c [String],
    /// The class's parent, whose `__init__` `super().__init__(...)` runs.
    parent: Option<usize>,
    /// Whether each class's `__init__` lends `self`, known for the bases.
    lends: &'c [bool],
    /// Whether this `__init__` lends `self`, as found so far.
    lends_self: bool,
    errors: Vec<(TextRange, String)>,
    /// One report of an early use of `self` per `__init__` is enough.
    reported_self_use: bool,
}

fn join(a: State, b: State) -> State {
    match (a, b) {
        (None, s) | (s, None) => s,
        (Some(a), Some(b)) => Some(a.iter().zip(&b).map(|(x, y)| *x && *y).collect()),
    }
}

impl InitCheck<'_, '_> {
    fn field_index(&self, name: &str) -> Option<usize> {
        self.fields.iter().position(|f| f == name)
    }

    fn missing(&self, state: &State) -> Vec<&str> {
        match state {
            Some(s) => self
                .fields
                .iter()
                .zip(s)
                .filter(|(_, done)| !**done)
                .map(|(f, _)| f.as_str())
                .collect(),
            None => Vec::new(),
        }
    }

    fn require_complete(&mut self, state: &State, range: TextRange, what: &str) {
        let missing = self.missing(state);
        if !missing.is_empty() {
            self.errors.push((
                range,
                format!(
                    "__init__ of class {} {what} without assigning {} on every path \
                     (assign every declared field in __init__)",
                    self.class_name,
                    quote_list(&missing)
                ),
            ));
        }
    }

    fn block(&mut self, body: &[Stmt], mut state: State) -> State {
        for s in body {
            state = self.stmt(s, state);
        }
        state
    }

    fn stmt(&mut self, s: &Stmt, state: State) -> State {
        let Some(_) = &state else {
            return None;
        };
        match s {
            Stmt::Assign(a) => {
                let state = self.expr(&a.value, state);
                a.targets
                    .iter()
                    .fold(state, |state, t| self.assign_target(t, state))
            }
            Stmt::AnnAssign(a) => match &a.value {
                Some(v) => {
                    let state = self.expr(v, state);
                    self.assign_target(&a.target, state)
                }
                None => state,
            },
            Stmt::AugAssign(a) => {
                let state = self.expr(&a.value, state);
                // `self.f += x` reads `self.f` first.
                self.expr(&a.target, state)
            }
            Stmt::Expr(e) => {
                if let Some(base) = self.base_init_call(&e.value) {
                    let Expr::Call(call) = e.value.as_ref() else {
                        return state;
                    };
                    let state = self.arguments(&call.arguments, state);
                    let fields = self.cx.field_names(base);
                    if self.lends.get(base).copied().unwrap_or(false) {
                        self.lends_self = true;
                        self.require_own_fields(base, &fields, call.range(), &state);
                    }
                    return state.map(|mut s| {
                        for f in &fields {
                            if let Some(i) = self.field_index(f) {
                                s[i] = true;
                            }
                        }
                        s
                    });
                }
                self.expr(&e.value, state)
            }
            Stmt::If(i) => {
                let state = self.expr(&i.test, state);
                let then = self.block(&i.body, state.clone());
                let mut out = then;
                let mut rest = state;
                let mut has_else = false;
                for clause in &i.elif_else_clauses {
                    match &clause.test {
                        Some(t) => {
                            rest = self.expr(t, rest);
                            let branch = self.block(&clause.body, rest.clone());
                            out = join(out, branch);
                        }
                        None => {
                            has_else = true;
                            let branch = self.block(&clause.body, rest.clone());
                            out = join(out, branch);
                        }
                    }
                }
                if !has_else {
                    out = join(out, rest);
                }
                out
            }
            Stmt::While(w) => {
                let state = self.expr(&w.test, state);
                self.block(&w.body, state.clone());
                self.block(&w.orelse, state.clone());
                state
            }
            Stmt::For(f) => {
                let state = self.expr(&f.iter, state);
                self.block(&f.body, state.clone());
                self.block(&f.orelse, state.clone());
                state
            }
            Stmt::Try(t) => {
                let body = self.block(&t.body, state.clone());
                let mut out = self.block(&t.orelse, body);
                for h in &t.handlers {
                    let ast::ExceptHandler::ExceptHandler(h) = h;
                    out = join(out, self.block(&h.body, state.clone()));
                }
                // `finally` also runs after an exception part-way through:
                // check it from the entry state, then add what it assigns.
                let fin = self.block(&t.finalbody, state.clone());
                match (out, fin, state) {
                    (Some(out), Some(fin), Some(entry)) => Some(
                        out.iter()
                            .zip(fin.iter().zip(&entry))
                            .map(|(o, (f, e))| *o || (*f && !*e))
                            .collect(),
                    ),
                    _ => None,
                }
            }
            Stmt::With(w) => {
                let state = w
                    .items
                    .iter()
                    .fold(state, |s, item| self.expr(&item.context_expr, s));
                self.block(&w.body, state)
            }
            Stmt::Return(r) => {
                let state = match &r.value {
                    Some(v) => self.expr(v, state),
                    None => state,
                };
                self.require_complete(&state, r.range, "returns");
                None
            }
            Stmt::Raise(r) => {
                let mut state = state;
                for e in [&r.exc, &r.cause].into_iter().flatten() {
                    state = self.expr(e, state);
                }
                let _ = state;
                None
            }
            other => {
                // Anything else (assert, del, nested definitions...) is only
                // looked at for uses of `self`.
                let mut uses = SelfUses::new(self.self_name);
                uses.visit_stmt(other);
                self.report_uses(uses, &state);
                state
            }
        }
    }

    /// Before a base's `__init__` that lends `self`: the fields this class
    /// declares itself (not the base's, which that `__init__` assigns) must be
    /// assigned, since an override it reaches could read them.
    fn require_own_fields(
        &mut self,
        base: usize,
        base_fields: &[String],
        range: TextRange,
        state: &State,
    ) {
        let missing: Vec<&str> = self
            .missing(state)
            .into_iter()
            .filter(|f| !base_fields.iter().any(|b| b == f))
            .collect();
        if missing.is_empty() {
            return;
        }
        let message = format!(
            "{}.__init__ lets 'self' escape (a method call or passing it on, there or \
             in a base's __init__), so an override could read fields of class {} not \
             yet assigned ({}): assign them before calling it",
            self.cx.classes[base].name,
            self.class_name,
            quote_list(&missing)
        );
        self.errors.push((range, message));
    }

    /// `super().__init__(...)` or `Base.__init__(self, ...)`: the base class,
    /// whose `__init__` assigns all of its fields.
    fn base_init_call(&self, e: &Expr) -> Option<usize> {
        let Expr::Call(call) = e else { return None };
        let Expr::Attribute(attr) = call.func.as_ref() else {
            return None;
        };
        if attr.attr.id.as_str() != "__init__" {
            return None;
        }
        match attr.value.as_ref() {
            Expr::Call(sup) if matches!(sup.func.as_ref(), Expr::Name(n) if n.id.as_str() == "super") => {
                self.parent
            }
            base => {
                let first_is_self = matches!(
                    call.arguments.args.first(),
                    Some(Expr::Name(n)) if n.id.as_str() == self.self_name
                );
                let class = self.cx.class_named(self.module, base)?;
                first_is_self.then_some(class.0 as usize)
            }
        }
    }

    fn arguments(&mut self, args: &ast::Arguments, state: State) -> State {
        let mut state = state;
        for (i, a) in args.args.iter().enumerate() {
            // The receiver of `Base.__init__(self, ...)` is not a use.
            if i == 0 && matches!(a, Expr::Name(n) if n.id.as_str() == self.self_name) {
                continue;
            }
            state = self.expr(a, state);
        }
        for k in &args.keywords {
            state = self.expr(&k.value, state);
        }
        state
    }

    fn assign_target(&mut self, t: &Expr, state: State) -> State {
        match t {
            Expr::Attribute(a)
                if matches!(a.value.as_ref(), Expr::Name(n) if n.id.as_str() == self.self_name)
                    && self.field_index(a.attr.id.as_str()).is_some() =>
            {
                let i = self.field_index(a.attr.id.as_str()).unwrap_or_default();
                state.map(|mut s| {
                    s[i] = true;
                    s
                })
            }
            Expr::Tuple(t) => t.elts.iter().fold(state, |s, e| self.assign_target(e, s)),
            Expr::List(l) => l.elts.iter().fold(state, |s, e| self.assign_target(e, s)),
            other => self.expr(other, state),
        }
    }

    /// Checks the uses of `self` in an expression against `state`.
    fn expr(&mut self, e: &Expr, state: State) -> State {
        let mut uses = SelfUses::new(self.self_name);
        uses.visit_expr(e);
        self.report_uses(uses, &state);
        state
    }

    fn report_uses(&mut self, uses: SelfUses<'_>, state: &State) {
        let lends = !uses.other_uses.is_empty()
            || uses
                .field_reads
                .iter()
                .any(|(_, f)| self.field_index(f).is_none());
        self.lends_self |= lends;
        let Some(s) = state else { return };
        for (range, field) in uses.field_reads {
            match self.field_index(&field) {
                Some(i) if !s[i] => self.errors.push((
                    range,
                    format!(
                        "field '{field}' is read before __init__ of class {} assigns it",
                        self.class_name
                    ),
                )),
                Some(_) => {}
                None => {
                    if let Some(range) = Some(range).filter(|_| s.iter().any(|d| !d)) {
                        self.early_self_use(range, state);
                    }
                }
            }
        }
        for range in uses.other_uses {
            if s.iter().any(|d| !d) {
                self.early_self_use(range, state);
            }
        }
    }

    fn early_self_use(&mut self, range: TextRange, state: &State) {
        if self.reported_self_use {
            return;
        }
        self.reported_self_use = true;
        let missing = self.missing(state);
        self.errors.push((
            range,
            format!(
                "'{}' is used before __init__ of class {} has assigned every field \
                 ({} not yet assigned): assign the fields first",
                self.self_name,
                self.class_name,
                quote_list(&missing)
            ),
        ));
    }
}

fn quote_list(names: &[&str]) -> String {
    names
        .iter()
        .map(|n| format!("'{n}'"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The uses of `self` in a piece of syntax: attribute reads `self.NAME`, and
/// every other appearance of the name.
struct SelfUses<'s> {
    self_name: &'s str,
    field_reads: Vec<(TextRange, String)>,
    other_uses: Vec<TextRange>,
}

impl<'s> SelfUses<'s> {
    fn new(self_name: &'s str) -> SelfUses<'s> {
        SelfUses {
            self_name,
            field_reads: Vec::new(),
            other_uses: Vec::new(),
        }
    }
}

impl<'a> Visitor<'a> for SelfUses<'_> {
    fn visit_expr(&mut self, e: &'a Expr) {
        match e {
            Expr::Attribute(a) if matches!(a.value.as_ref(), Expr::Name(n) if n.id.as_str() == self.self_name) =>
            {
                self.field_reads.push((a.range, a.attr.id.to_string()));
            }
            Expr::Name(n) if n.id.as_str() == self.self_name => self.other_uses.push(n.range()),
            // `super().m(...)` passes `self` on to the base's method.
            Expr::Call(c)
                if c.arguments.is_empty()
                    && matches!(c.func.as_ref(), Expr::Name(n) if n.id.as_str() == "super") =>
            {
                self.other_uses.push(c.range());
            }
            _ => visitor::walk_expr(self, e),
        }
    }
}
