//! Raising, testing and catching exceptions, and running `finally` bodies.
//!
//! A `try` statement becomes
//!
//! ```text
//!   body ──(raise)──▶ dispatch: exc = state; test each handler's classes by id range
//!    │                  │ match: state = null; bind = exc; handler body ──┐
//!    │                  └ no match ──▶ escape                            │
//!   else body ──(raise)──▶ escape                                         │
//!    └──────────────────────────▶ normal exit: finally body ◀────────────┘ ──▶ next statement
//!
//!   escape (only with a finally): slot = state; state = null; finally body;
//!                                  state = slot; ──▶ the outer target
//! ```
//!
//! where the bodies run with these exception targets: the `try` body with the
//! dispatch (or the escape when there are no handlers), the `else` body and
//! the handlers with the escape, the `finally` bodies with the target outside
//! the `try`. Without a `finally`, the escape *is* the outer target.
//!
//! `return`, `break` and `continue` leaving a `try` run the pending `finally`
//! bodies themselves, innermost first, each lowered again at that exit (the
//! bodies are duplicated, never shared through a dispatch on an exit code).
//! A `finally` body that itself returns, breaks or raises ends that walk: its
//! own exit wins, as in Python, and an exception saved in the escape's slot is
//! dropped.

use cranelift_codegen::ir::{self, InstBuilder, Value, types};

use super::{FinallyScope, Lowered, Lowerer, trusted};
use crate::layout;
use crate::tir::{Handler, Stmt};

impl<'s> Lowerer<'s, '_> {
    /// The current exception target, which some branch is about to reach.
    pub(super) fn exc_block(&mut self) -> ir::Block {
        let target = match self.exc_target {
            Some(block) => block,
            None => match self.propagate {
                Some(block) => block,
                None => {
                    let block = self.b.create_block();
                    self.b.set_cold_block(block);
                    self.propagate = Some(block);
                    block
                }
            },
        };
        self.used_targets.insert(target);
        target
    }

    /// After a call that may raise: go on when the exception state is clear,
    /// else branch to the current exception target.
    pub(super) fn check_exception(&mut self) {
        if self.dead {
            return;
        }
        let state = self.load_exception();
        let target = self.exc_block();
        let next = self.b.create_block();
        self.b.ins().brif(state, target, &[], next, &[]);
        self.switch_to(next);
    }

    /// The exception state: the current exception, or null.
    fn load_exception(&mut self) -> Value {
        let addr = self.data_addr(self.state.exc_current);
        self.b.ins().load(self.state.ptr, trusted(), addr, 0)
    }

    fn store_exception(&mut self, v: Value) {
        let addr = self.data_addr(self.state.exc_current);
        self.b.ins().store(trusted(), v, addr, 0);
    }

    /// Lowers the propagate block if anything branches to it: pop the frame and
    /// return a zero, leaving the exception in the state for the caller to test.
    pub(super) fn lower_propagate_block(&mut self) {
        let Some(block) = self.propagate else { return };
        self.switch_to(block);
        if self.func.ret == crate::tir::Type::None {
            self.return_values(&[]);
        } else {
            let zero = self.zero(super::value_type(&self.func.ret));
            self.return_values(&[zero]);
        }
    }

    /// Runs the `finally` bodies of `finallies[down_to..]`, innermost first, on
    /// the way out of their `try`s by a `return`, `break` or `continue`. Each
    /// runs in the context of its `try`: the loops and `finally` scopes around
    /// that `try`, and the exception target outside it. Stops early when a body
    /// leaves by itself (the current block is then dead).
    pub(super) fn run_finallies(&mut self, down_to: usize) -> Lowered<()> {
        for i in (down_to..self.finallies.len()).rev() {
            if self.dead {
                break;
            }
            let scope: FinallyScope<'s> = self.finallies[i];
            let inner_finallies = self.finallies.split_off(i);
            let inner_loops = self.loops.split_off(scope.loop_depth);
            let target = std::mem::replace(&mut self.exc_target, scope.outer_target);
            self.stmts(scope.body)?;
            self.exc_target = target;
            self.loops.extend(inner_loops);
            self.finallies.extend(inner_finallies);
        }
        Ok(())
    }

    /// Keeps the return value `v` across every pending `finally` body, which run
    /// first; a reference waits in a temporary shadow-stack slot, since the bodies
    /// may collect.
    pub(super) fn across_finallies(&mut self, v: Value, is_ref: bool) -> Lowered {
        if self.finallies.is_empty() || self.dead {
            return Ok(v);
        }
        if !is_ref {
            self.run_finallies(0)?;
            return Ok(v);
        }
        let slot = self.alloc_temp()?;
        self.store_slot(slot, v)?;
        self.run_finallies(0)?;
        let v = self.load_slot(slot, self.state.ptr)?;
        self.temps_live -= 1;
        Ok(v)
    }

    pub(super) fn try_stmt(
        &mut self,
        body: &'s [Stmt],
        handlers: &'s [Handler],
        else_body: &'s [Stmt],
        finally_body: &'s [Stmt],
    ) -> Lowered<()> {
        let outer = self.exc_target;
        let finally_escape = (!finally_body.is_empty()).then(|| self.b.create_block());
        let escape = finally_escape.or(outer);
        let dispatch = (!handlers.is_empty()).then(|| self.b.create_block());
        let normal_exit = self.b.create_block();
        let mut exit_reached = false;

        if !finally_body.is_empty() {
            self.finallies.push(FinallyScope {
                body: finally_body,
                loop_depth: self.loops.len(),
                outer_target: outer,
            });
        }

        self.exc_target = dispatch.or(escape);
        self.stmts(body)?;
        self.exc_target = escape;
        self.stmts(else_body)?;
        exit_reached |= !self.dead;
        self.jump_to(normal_exit, &[]);

        if let Some(dispatch) = dispatch
            && self.used_targets.contains(&dispatch)
        {
            exit_reached |= self.dispatch(dispatch, handlers, normal_exit)?;
        }

        if !finally_body.is_empty() {
            self.finallies.pop();
        }
        self.exc_target = outer;

        if let Some(block) = finally_escape
            && self.used_targets.contains(&block)
        {
            self.switch_to(block);
            let exc = self.load_exception();
            let slot = self.alloc_temp()?;
            self.store_slot(slot, exc)?;
            let null = self.b.ins().iconst(self.state.ptr, 0);
            self.store_exception(null);
            self.stmts(finally_body)?;
            if !self.dead {
                let exc = self.load_slot(slot, self.state.ptr)?;
                self.store_exception(exc);
                let target = self.exc_block();
                self.b.ins().jump(target, &[]);
            }
            self.temps_live -= 1;
        }

        self.switch_to(normal_exit);
        if exit_reached {
            self.stmts(finally_body)?;
        } else {
            // Nothing reaches the block: what follows the `try` is dead code.
            self.b.seal_block(normal_exit);
            self.dead = true;
        }
        Ok(())
    }

    /// Lowers the handler dispatch at `dispatch` and the handlers, each ending
    /// with a jump to `normal_exit`; returns whether one of them reaches it.
    fn dispatch(
        &mut self,
        dispatch: ir::Block,
        handlers: &'s [Handler],
        normal_exit: ir::Block,
    ) -> Lowered<bool> {
        self.switch_to(dispatch);
        let exc = self.load_exception();
        let desc = self
            .b
            .ins()
            .load(self.state.ptr, trusted(), exc, layout::DESCRIPTOR);
        let id = self
            .b
            .ins()
            .load(types::I64, trusted(), desc, layout::CLASS_ID);
        let mut entries = Vec::with_capacity(handlers.len());
        let mut matched_all = false;
        for h in handlers {
            if matched_all {
                break;
            }
            let entry = self.b.create_block();
            entries.push(entry);
            if h.classes.is_empty() {
                // A clause without classes catches everything.
                self.b.ins().jump(entry, &[]);
                matched_all = true;
                continue;
            }
            for &class in &h.classes {
                let is = self.class_range_test(id, class)?;
                let next = self.b.create_block();
                self.b.ins().brif(is, entry, &[], next, &[]);
                self.switch_to(next);
            }
        }
        if !matched_all {
            // No clause matches: the exception stays in the state and goes on.
            let target = self.exc_block();
            self.b.ins().jump(target, &[]);
        }

        let mut reached = false;
        for (h, entry) in handlers.iter().zip(entries) {
            self.switch_to(entry);
            let null = self.b.ins().iconst(self.state.ptr, 0);
            self.store_exception(null);
            self.assign_local(h.bind, exc)?;
            self.stmts(&h.body)?;
            reached |= !self.dead;
            self.jump_to(normal_exit, &[]);
        }
        Ok(reached)
    }
}
