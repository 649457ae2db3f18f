//! What is known at a program point: which locals are definitely assigned,
//! whether the point is reachable, and which locals and attribute paths are
//! narrowed to a narrower type than the declared one. States are merged at
//! joins; loops keep the flows leaving their body.
//!
//! This is plain data: the checks that produce narrowings are in
//! `narrowing.rs`.

use std::collections::HashMap;

use crate::tir::{LocalId, Type};

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
    pub(super) fn merge(a: Flow, b: Flow) -> Flow {
        Flow::merge_joining(a, b, |_, _| None)
    }

    /// Like [`Flow::merge`], keeping what `join` makes of a path narrowed
    /// differently on the two sides (`Mid` on one, `Base` on the other).
    pub(super) fn merge_joining(
        a: Flow,
        b: Flow,
        join: impl Fn(&Type, &Type) -> Option<Type>,
    ) -> Flow {
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

    pub(super) fn mark_assigned(&mut self, id: LocalId) {
        let i = id.0 as usize;
        if self.assigned.len() <= i {
            self.assigned.resize(i + 1, false);
        }
        self.assigned[i] = true;
    }

    pub(super) fn is_assigned(&self, id: LocalId) -> bool {
        self.assigned.get(id.0 as usize).copied().unwrap_or(false)
    }

    pub(super) fn unreachable(&self) -> Flow {
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
    pub(super) fn local(root: LocalId) -> NarrowKey {
        NarrowKey {
            root,
            path: Vec::new(),
        }
    }
}

impl Flow {
    /// Forgets what was known about a local and every path through it (it was reassigned).
    pub(super) fn forget_local(&mut self, id: LocalId) {
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
