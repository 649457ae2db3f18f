//! Whole-program analyses over the TIR.
//!
//! [`compute_can_raise`] decides, for every function, whether a call to it can
//! return with the exception state set: RPython's exception transformer needs
//! the same fact so that calls that cannot raise carry no test. It is a
//! fixpoint over the call graph, solved once per strongly connected
//! component (petgraph's Tarjan) in callee-first order.
//!
//! The same pass decides which functions check the stacks on entry and raise
//! `RecursionError` when they run low (so those raise too): every function on
//! a cycle of direct calls, and every function that makes a virtual call or
//! a call through a function value, since a cycle through such a call
//! (perhaps to an extension's code) passes through its caller. Every recursion then passes a check at least
//! once per round, and the stack a round uses between checks is bounded by
//! the program's size, which the runtime's headroom covers. The others need
//! no check: they reach only functions of lower components without
//! returning to themselves. (A function making virtual calls raises anyway:
//! the override may.)

use petgraph::graph::{DiGraph, NodeIndex};

use crate::tir::{Expr, ExprKind, FuncId, Node, Program, Stmt, walk_stmt};

/// Sets [`crate::tir::Function::can_raise`] on every function of `program`.
/// Also fills [`Program::checks_stack`].
pub fn compute_can_raise(program: &mut Program) {
    let n = program.functions.len();
    let mut graph: DiGraph<(), ()> = DiGraph::with_capacity(n, n * 2);
    let nodes: Vec<NodeIndex> = (0..n).map(|_| graph.add_node(())).collect();
    let mut raises_directly = vec![false; n];
    let mut calls_indirectly = Vec::new();
    let imported = program.imported_mask();
    for (i, f) in program.functions.iter().enumerate() {
        let mut facts = Facts::default();
        for s in &f.body {
            facts.stmt(s, program);
        }
        // Functions defined elsewhere (a core's, seen from an extension) keep the recorded fact.
        raises_directly[i] = facts.raises || (imported[i] && f.can_raise);
        if facts.calls_indirectly {
            calls_indirectly.push(FuncId(i as u32));
        }
        for callee in facts.callees {
            graph.update_edge(nodes[i], nodes[callee.0 as usize], ());
        }
    }
    let mut checks_stack: std::collections::HashSet<FuncId> =
        calls_indirectly.into_iter().collect();
    let sccs = petgraph::algo::tarjan_scc(&graph);
    for scc in &sccs {
        let cyclic = scc.len() > 1 || graph.contains_edge(scc[0], scc[0]);
        if cyclic {
            checks_stack.extend(scc.iter().map(|v| FuncId(v.index() as u32)));
        }
    }
    checks_stack.retain(|f| !imported.get(f.0 as usize).copied().unwrap_or(true));
    for f in &checks_stack {
        raises_directly[f.0 as usize] = true;
    }
    let mut can_raise = vec![false; n];
    // Tarjan yields components callee-first: every edge leaving a component
    // points at one already decided.
    for scc in sccs {
        let raises = scc.iter().any(|&v| {
            raises_directly[v.index()] || graph.neighbors(v).any(|w| can_raise[w.index()])
        });
        for v in scc {
            can_raise[v.index()] = raises;
        }
    }
    for (f, r) in program.functions.iter_mut().zip(can_raise) {
        f.can_raise = r;
    }
    program.checks_stack = checks_stack;
    compute_collect_free(program);
}

/// Fills [`Program::collect_free`]: the functions defined here that cannot run
/// the collector unless they raise, and then only on the way out. Such a
/// function allocates nothing (no instance, tuple or runtime call), makes no
/// virtual call, no call through a function value and no C call, has no `try`
/// (a handler would go on using references after a collection that raising
/// ran), and calls only functions of the set. The largest such set, so that
/// functions recursing into each other qualify: start from every candidate
/// and drop those calling a function outside the set until none is dropped.
///
/// Raising may collect (the exception is allocated), but a function without a
/// `try` then only propagates: the references it holds are dead, and its
/// callers' live references sit in their own frames. A function of the set
/// keeps its references in registers and needs no shadow-stack frame, and a
/// caller need not spill a reference across a call to it
/// ([`crate::codegen::roots`]).
pub fn compute_collect_free(program: &mut Program) {
    let imported = program.imported_mask();
    // For each candidate, the functions it calls.
    let mut candidates: std::collections::HashMap<FuncId, Vec<FuncId>> = program
        .functions
        .iter()
        .enumerate()
        .filter(|&(i, _)| !imported[i])
        .filter_map(|(i, f)| collect_scan(f).map(|callees| (FuncId(i as u32), callees)))
        .collect();
    loop {
        let dropped: Vec<FuncId> = candidates
            .iter()
            .filter(|(_, callees)| callees.iter().any(|c| !candidates.contains_key(c)))
            .map(|(f, _)| *f)
            .collect();
        if dropped.is_empty() {
            break;
        }
        for f in dropped {
            candidates.remove(&f);
        }
    }
    program.collect_free = candidates.into_keys().collect();
}

/// The functions `f` calls directly, or `None` when it may collect otherwise:
/// it allocates, calls out of the program's direct calls, or has a `try`.
fn collect_scan(f: &crate::tir::Function) -> Option<Vec<FuncId>> {
    let mut collects = false;
    let mut callees = Vec::new();
    for s in &f.body {
        walk_stmt(s, &mut |node| match node {
            Node::Stmt(Stmt::Try { .. }) => collects = true,
            Node::Expr(e) => match &e.kind {
                ExprKind::Call(callee, _) => callees.push(*callee),
                ExprKind::New(_)
                | ExprKind::Tuple(_)
                | ExprKind::RtCall(..)
                | ExprKind::CCall { .. }
                | ExprKind::VirtualCall { .. }
                | ExprKind::CallIndirect { .. } => collects = true,
                _ => {}
            },
            Node::Stmt(_) => {}
        });
    }
    (!collects).then_some(callees)
}

#[derive(Default)]
struct Facts {
    raises: bool,
    /// It makes a virtual call or a call through a function value: a cycle may
    /// pass through it unseen by the call graph.
    calls_indirectly: bool,
    callees: Vec<FuncId>,
}

impl Facts {
    fn stmts(&mut self, body: &[Stmt], p: &Program) {
        for s in body {
            self.stmt(s, p);
        }
    }

    fn stmt(&mut self, s: &Stmt, p: &Program) {
        match s {
            Stmt::Expr(e) | Stmt::AssignLocal(_, e) | Stmt::AssignGlobal(_, e) => self.expr(e, p),
            Stmt::StoreField { base, value, .. } => {
                self.expr(base, p);
                self.expr(value, p);
            }
            Stmt::If {
                cond,
                then_body,
                else_body,
            } => {
                self.expr(cond, p);
                self.stmts(then_body, p);
                self.stmts(else_body, p);
            }
            Stmt::While { cond, body } => {
                self.expr(cond, p);
                self.stmts(body, p);
            }
            Stmt::Break | Stmt::Continue => {}
            Stmt::Return(e) => {
                if let Some(e) = e {
                    self.expr(e, p);
                }
            }
            Stmt::Raise(e) => {
                self.raises = true;
                self.expr(e, p);
            }
            // Conservative: a handler may not match, and handlers and `finally` may raise.
            Stmt::Try {
                body,
                handlers,
                else_body,
                finally_body,
            } => {
                self.stmts(body, p);
                for h in handlers {
                    self.stmts(&h.body, p);
                }
                self.stmts(else_body, p);
                self.stmts(finally_body, p);
            }
        }
    }

    fn expr(&mut self, e: &Expr, p: &Program) {
        match &e.kind {
            ExprKind::Int(_)
            | ExprKind::Float(_)
            | ExprKind::Bool(_)
            | ExprKind::None
            | ExprKind::Str(_)
            | ExprKind::Local(_)
            | ExprKind::Global(_)
            | ExprKind::TypeCode(_)
            | ExprKind::FuncAddr(_) => {}
            // Allocating an instance raises MemoryError when memory runs out.
            ExprKind::New(_) => self.raises = true,
            ExprKind::Unary(op, a) => {
                self.raises |= *op == crate::tir::UnaryOp::IntNegChecked;
                self.expr(a, p)
            }
            ExprKind::Binary(op, a, b) => {
                self.raises |= op.can_raise();
                self.expr(a, p);
                self.expr(b, p);
            }
            ExprKind::And(a, b) | ExprKind::Or(a, b) => {
                self.expr(a, p);
                self.expr(b, p);
            }
            ExprKind::IfElse {
                cond,
                then,
                otherwise,
            } => {
                self.expr(cond, p);
                self.expr(then, p);
                self.expr(otherwise, p);
            }
            ExprKind::Call(f, args) => {
                self.callees.push(*f);
                args.iter().for_each(|a| self.expr(a, p));
            }
            ExprKind::RtCall(rt, args) => {
                self.raises |= rt.can_raise();
                args.iter().for_each(|a| self.expr(a, p));
            }
            // C functions never raise.
            ExprKind::CCall { args, .. } => args.iter().for_each(|a| self.expr(a, p)),
            // A virtual call may reach an override defined later, by an extension: it can raise.
            ExprKind::VirtualCall { args, .. } => {
                self.raises = true;
                self.calls_indirectly = true;
                args.iter().for_each(|a| self.expr(a, p));
            }
            // A function value may be any function of its type, an extension's included.
            ExprKind::CallIndirect { callee, args } => {
                self.raises = true;
                self.calls_indirectly = true;
                self.expr(callee, p);
                args.iter().for_each(|a| self.expr(a, p));
            }
            // Allocating the tuple raises MemoryError when memory runs out.
            ExprKind::Tuple(items) => {
                self.raises = true;
                items.iter().for_each(|a| self.expr(a, p));
            }
            ExprKind::LoadField { base, .. } => self.expr(base, p),
            ExprKind::ListItem { list, index } => {
                self.expr(list, p);
                self.expr(index, p);
            }
            ExprKind::IsInstance { value, .. } => self.expr(value, p),
            ExprKind::Block(stmts, e) => {
                self.stmts(stmts, p);
                self.expr(e, p);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rt::Rt;
    use crate::tir::{ClassId, Function, Type};

    fn func(name: &str, body: Vec<Stmt>) -> Function {
        Function {
            name: name.into(),
            symbol: name.into(),
            params: Vec::new(),
            ret: Type::None,
            locals: Vec::new(),
            body,
            can_raise: false,
        }
    }

    fn call(f: u32) -> Stmt {
        Stmt::Expr(Expr::new(ExprKind::Call(FuncId(f), Vec::new()), Type::None))
    }

    #[test]
    fn raising_propagates_through_calls_and_cycles() {
        let raise = Stmt::Expr(Expr::rt(
            Rt::IntFloorDiv,
            vec![Expr::int(1), Expr::int(0)],
            Type::Int,
        ));
        let mut p = Program {
            functions: vec![
                func("leaf_raises", vec![raise]),
                func("calls_leaf", vec![call(0)]),
                func("pure", vec![Stmt::Expr(Expr::int(1))]),
                // A cycle that raises through one member.
                func("a", vec![call(4)]),
                func("b", vec![call(3), call(1)]),
                // A cycle that raises nothing else.
                func("c", vec![call(6), call(2)]),
                func("d", vec![call(5)]),
            ],
            ..Program::default()
        };
        compute_can_raise(&mut p);
        let got: Vec<bool> = p.functions.iter().map(|f| f.can_raise).collect();
        // A pure cycle raises too: RecursionError, from its stack checks.
        assert_eq!(got, vec![true, true, false, true, true, true, true]);
        let mut checked: Vec<u32> = p.checks_stack.iter().map(|f| f.0).collect();
        checked.sort_unstable();
        assert_eq!(checked, vec![3, 4, 5, 6]);
    }

    #[test]
    fn collect_free_functions_allocate_nothing_and_call_only_each_other() {
        let alloc = Stmt::Expr(Expr::rt(Rt::StrFromInt, vec![Expr::int(1)], Type::Str));
        let try_stmt = Stmt::Try {
            body: vec![call(2)],
            handlers: Vec::new(),
            else_body: Vec::new(),
            finally_body: vec![Stmt::Expr(Expr::int(1))],
        };
        let raise_new = Stmt::Raise(Expr::new(ExprKind::New(ClassId(0)), Type::None));
        let mut p = Program {
            functions: vec![
                func("allocates", vec![alloc]),
                func("calls_allocating", vec![call(2), call(0)]),
                func("pure", vec![Stmt::Expr(Expr::int(1))]),
                // Recursion among functions that allocate nothing stays in the set.
                func("a", vec![call(4), call(2)]),
                func("b", vec![call(3)]),
                // A `try` takes a function out, though its body does not allocate.
                func("tries", vec![try_stmt]),
                func("calls_tries", vec![call(5)]),
                // Raising allocates the exception.
                func("raises", vec![raise_new]),
                // A cycle that reaches an allocation leaves the set whole.
                func("c", vec![call(9)]),
                func("d", vec![call(8), call(0)]),
            ],
            ..Program::default()
        };
        compute_can_raise(&mut p);
        let mut free: Vec<u32> = p.collect_free.iter().map(|f| f.0).collect();
        free.sort_unstable();
        assert_eq!(free, vec![2, 3, 4]);
    }
}
