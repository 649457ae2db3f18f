//! Syntactic scans of a function body, made before it is checked: the names
//! it assigns, its annotations, its `global` declarations and the attribute
//! names it assigns (not looking into nested definitions).

use ruff_python_ast::{self as ast, Expr, Stmt};

pub(super) fn target_names_of(t: &Expr, out: &mut Vec<String>) {
    match t {
        Expr::Name(n) => out.push(n.id.to_string()),
        Expr::Tuple(tu) => tu.elts.iter().for_each(|e| target_names_of(e, out)),
        Expr::List(l) => l.elts.iter().for_each(|e| target_names_of(e, out)),
        _ => {}
    }
}

/// Collects the attribute names a body assigns (`obj.name = ...`, `obj.name += ...`).
pub(super) fn scan_attr_targets(body: &[Stmt], out: &mut Vec<String>) {
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
pub(super) fn scan_block<'s>(
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
