//! Python's compile-time errors that its parser leaves to the compiler.
//!
//! CPython refuses some programs after parsing them, while building symbol
//! tables and code: `return` or `yield` outside a function, a duplicate
//! parameter name, a name used in a function before its `global` declaration.
//! The parser Seam uses reports none of these, and the checker never looks at
//! some of the places they hide (the `if __name__ == "__main__":` block). A
//! program CPython would not compile is not a Python program, so this pass
//! finds them in the whole module, with CPython's wording.
//!
//! It reads the syntax tree only; it knows nothing of types. `break` and
//! `continue` outside a loop are reported here only at module level: inside
//! functions the checker reports them.

use ruff_python_ast::visitor::{self, Visitor};
use ruff_python_ast::{self as ast, Expr, Stmt, StringFlags};
use ruff_text_size::{Ranged, TextRange, TextSize};
use std::collections::HashMap;

/// The compile-time errors in a module's statements: where, and CPython's message.
pub(super) fn compile_errors(body: &[Stmt], text: &str) -> Vec<(TextRange, String)> {
    let mut pass = Pass {
        text,
        ..Pass::default()
    };
    pass.visit_body(body);
    pass.errors
}

/// One scope's facts: the first use of each name, in source order.
#[derive(Default)]
struct Scope {
    /// Name to the offset and kind of its first use before any `global` of it.
    first_use: HashMap<String, (TextSize, Use)>,
}

#[derive(Clone, Copy)]
enum Use {
    Load,
    Store,
}

#[derive(Default)]
struct Pass<'t> {
    /// The module's source: f-strings are checked against their text.
    text: &'t str,
    errors: Vec<(TextRange, String)>,
    /// Function (and lambda) bodies entered.
    functions: usize,
    /// Loops entered at module level (outside any function).
    module_loops: usize,
    /// The scopes of the functions entered, innermost last.
    scopes: Vec<Scope>,
}

impl Pass<'_> {
    /// Python 3.11 reads an f-string as a string literal first, so the
    /// expressions inside its braces may not contain its own quote, a
    /// backslash or a comment (the parser accepts them, as Python 3.12 does).
    fn fstring(&mut self, fs: &ast::FString) {
        let quote = fs.flags.quote_str();
        let triple = fs.flags.is_triple_quoted();
        self.interpolations(&fs.elements, quote, triple);
    }

    fn interpolations(
        &mut self,
        elements: &ast::InterpolatedStringElements,
        quote: &str,
        triple: bool,
    ) {
        for el in elements.iter() {
            let ast::InterpolatedStringElement::Interpolation(i) = el else {
                continue;
            };
            let range = i.expression.range();
            let code = self
                .text
                .get(range.start().to_usize()..range.end().to_usize())
                .unwrap_or("");
            let own_quote = if triple {
                code.contains(quote)
            } else {
                code.contains(quote.chars().next().unwrap_or('"'))
            };
            if own_quote {
                self.error(
                    range,
                    format!(
                        "f-string: expecting '}}' (Python 3.11 ends the f-string at the {quote} \
                         inside its braces: use the other quote there)"
                    ),
                );
            } else if code.contains('\\') {
                self.error(
                    range,
                    "f-string expression part cannot include a backslash".to_owned(),
                );
            } else if code.contains('#') {
                self.error(
                    range,
                    "f-string expression part cannot include '#'".to_owned(),
                );
            }
            if let Some(spec) = &i.format_spec {
                self.interpolations(&spec.elements, quote, triple);
            }
        }
    }

    fn error(&mut self, range: TextRange, message: String) {
        self.errors.push((range, message));
    }

    fn parameters(&mut self, parameters: &ast::Parameters) {
        let mut seen: Vec<&str> = Vec::new();
        let all = parameters
            .posonlyargs
            .iter()
            .chain(&parameters.args)
            .map(|p| &p.parameter)
            .chain(parameters.vararg.as_deref())
            .chain(parameters.kwonlyargs.iter().map(|p| &p.parameter))
            .chain(parameters.kwarg.as_deref());
        for p in all {
            let name = p.name.id.as_str();
            if seen.contains(&name) {
                self.error(
                    p.range,
                    format!("duplicate argument '{name}' in function definition"),
                );
            } else {
                seen.push(name);
            }
        }
    }

    /// Visits a function's (or lambda's) body as a scope of its own.
    fn function_scope(&mut self, visit: impl FnOnce(&mut Self)) {
        let loops = std::mem::take(&mut self.module_loops);
        self.functions += 1;
        self.scopes.push(Scope::default());
        visit(self);
        self.scopes.pop();
        self.functions -= 1;
        self.module_loops = loops;
    }

    fn use_name(&mut self, name: &str, at: TextSize, kind: Use) {
        if let Some(scope) = self.scopes.last_mut() {
            scope.first_use.entry(name.to_owned()).or_insert((at, kind));
        }
    }

    fn global(&mut self, names: &[ast::Identifier]) {
        let Some(scope) = self.scopes.last() else {
            return;
        };
        let mut found = Vec::new();
        for name in names {
            if let Some(&(_, kind)) = scope.first_use.get(name.id.as_str()) {
                let what = match kind {
                    Use::Load => "is used prior to",
                    Use::Store => "is assigned to before",
                };
                found.push((
                    name.range,
                    format!("name '{}' {what} global declaration", name.id),
                ));
            }
        }
        for (range, message) in found {
            self.error(range, message);
        }
    }
}

impl<'a> Visitor<'a> for Pass<'_> {
    fn visit_stmt(&mut self, stmt: &'a Stmt) {
        match stmt {
            Stmt::FunctionDef(def) => {
                for d in &def.decorator_list {
                    self.visit_decorator(d);
                }
                self.parameters(&def.parameters);
                // Defaults and annotations belong to the enclosing scope.
                for p in def.parameters.iter_non_variadic_params() {
                    if let Some(default) = &p.default {
                        self.visit_expr(default);
                    }
                }
                self.use_name(def.name.id.as_str(), def.name.range.start(), Use::Store);
                self.function_scope(|pass| pass.visit_body(&def.body));
            }
            Stmt::ClassDef(class) => {
                self.use_name(class.name.id.as_str(), class.name.range.start(), Use::Store);
                // A class body is a scope of its own, with no loop around it.
                let loops = std::mem::take(&mut self.module_loops);
                self.scopes.push(Scope::default());
                visitor::walk_stmt(self, stmt);
                self.scopes.pop();
                self.module_loops = loops;
            }
            Stmt::Return(r) if self.functions == 0 => {
                self.error(r.range, "'return' outside function".to_owned());
                visitor::walk_stmt(self, stmt);
            }
            Stmt::Break(b) if self.functions == 0 && self.module_loops == 0 => {
                self.error(b.range, "'break' outside loop".to_owned());
            }
            Stmt::Continue(c) if self.functions == 0 && self.module_loops == 0 => {
                self.error(c.range, "'continue' not properly in loop".to_owned());
            }
            Stmt::For(_) | Stmt::While(_) if self.functions == 0 => {
                self.module_loops += 1;
                visitor::walk_stmt(self, stmt);
                self.module_loops -= 1;
            }
            Stmt::Global(g) => self.global(&g.names),
            Stmt::Nonlocal(n) if self.functions == 0 => {
                self.error(
                    n.range,
                    "nonlocal declaration not allowed at module level".to_owned(),
                );
            }
            _ => visitor::walk_stmt(self, stmt),
        }
    }

    fn visit_expr(&mut self, expr: &'a Expr) {
        match expr {
            Expr::Name(n) => {
                let kind = match n.ctx {
                    ast::ExprContext::Load => Use::Load,
                    _ => Use::Store,
                };
                self.use_name(n.id.as_str(), n.range.start(), kind);
            }
            Expr::Lambda(l) => {
                if let Some(parameters) = &l.parameters {
                    self.parameters(parameters);
                    for p in parameters.iter_non_variadic_params() {
                        if let Some(default) = &p.default {
                            self.visit_expr(default);
                        }
                    }
                }
                self.function_scope(|pass| pass.visit_expr(&l.body));
            }
            // A comprehension is a scope of its own (uses inside it are not the
            // enclosing function's), but not a function: `yield` in it is refused
            // by the checker, not here.
            Expr::ListComp(_) | Expr::SetComp(_) | Expr::DictComp(_) | Expr::Generator(_) => {
                self.scopes.push(Scope::default());
                visitor::walk_expr(self, expr);
                self.scopes.pop();
            }
            Expr::Yield(_) | Expr::YieldFrom(_) if self.functions == 0 => {
                self.error(expr.range(), "'yield' outside function".to_owned());
                visitor::walk_expr(self, expr);
            }
            Expr::FString(f) => {
                for part in f.value.iter() {
                    if let ast::FStringPart::FString(fs) = part {
                        self.fstring(fs);
                    }
                }
                visitor::walk_expr(self, expr);
            }
            Expr::Await(_) if self.functions == 0 => {
                self.error(expr.range(), "'await' outside function".to_owned());
                visitor::walk_expr(self, expr);
            }
            _ => visitor::walk_expr(self, expr),
        }
    }
}
