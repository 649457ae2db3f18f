//! The class plan: the decisions that make classes part of the ABI. Class
//! ids, with the slack reserved for subclasses defined later by extensions,
//! field layouts and vtable slots, for every class of the program, into
//! `program.classes`; and the lookups of fields and slots in that plan.
//!
//! Class ids are numbered in preorder over the hierarchy, the builtin
//! exception classes included, so that `isinstance` is one range test
//! (RPython's `int_between`). Every non-final class reserves
//! [`DEFAULT_SLACK`] ids (or `@export(slack=N)`) at the end of its range for
//! subclasses defined later by extensions. Fields are laid out parent-first,
//! one 8-byte word each after the descriptor pointer; vtable slots are
//! numbered parent-first, an override reusing its parent's slot. Each literal
//! default of a method is also a synthesized virtual getter, so a call through
//! a base type sees the defaults of the method that runs.
//!
//! Its input is the checked declarations (`classes.rs`: parents, fields,
//! methods, decorators) or, for a second translation, the classes an exports
//! file describes (read by `crate::exports::reader`), which are taken as they
//! were laid out: a second translation numbers no class (the loader gives the
//! extension's own classes their ids), it only lays out the extension's
//! classes after their parents' fields and slots.

use std::collections::{HashMap, HashSet};

use seam_abi::symbols::{ItemKind, mangle};
use seam_exports_schema::default_getter_name;

use ruff_python_ast::Stmt;
use ruff_text_size::TextRange;

use super::context::Context;
use crate::tir::{self, ClassId, FuncId, Type};

/// Class ids a non-final class reserves for subclasses defined later, unless `@export(slack=N)` says otherwise.
pub const DEFAULT_SLACK: u32 = 256;

/// What numbering needs to know of a class.
#[derive(Clone, Copy, Debug)]
pub(super) struct ClassShape {
    pub parent: Option<ClassId>,
    /// Ids reserved after the class's subtree for subclasses defined later.
    pub slack: u32,
    /// A final class reserves no slack.
    pub is_final: bool,
}

/// The ids a class is given: its own, one past the end of its range, and where its slack starts.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(super) struct ClassIds {
    pub id: u32,
    pub id_max: u32,
    pub slack_start: u32,
}

/// Numbers classes in preorder from 1, each range covering the class, its subclasses and then
/// its slack, so that `isinstance` is one range test. Returns the ids (indexed like `classes`)
/// and the preorder, or the class at which 32-bit ids ran out.
pub(super) fn number_classes(
    classes: &[ClassShape],
) -> Result<(Vec<ClassIds>, Vec<ClassId>), ClassId> {
    let n = classes.len();
    let mut children: Vec<Vec<ClassId>> = vec![Vec::new(); n];
    let mut roots = Vec::new();
    for (i, c) in classes.iter().enumerate() {
        match c.parent {
            Some(p) => children[p.0 as usize].push(ClassId(i as u32)),
            None => roots.push(ClassId(i as u32)),
        }
    }
    // Preorder numbering with an explicit stack (hierarchies may be deep).
    let mut ids = vec![ClassIds::default(); n];
    let mut order = Vec::new();
    let mut next = 1u32;
    let mut stack: Vec<(ClassId, bool)> = roots.iter().rev().map(|&r| (r, false)).collect();
    while let Some((c, done)) = stack.pop() {
        let i = c.0 as usize;
        // Class ids are 32-bit: every class and every class's slack takes its share.
        let add = if !done {
            1
        } else if classes[i].is_final {
            0
        } else {
            classes[i].slack
        };
        let Some(after) = next.checked_add(add) else {
            return Err(c);
        };
        if done {
            let slack_start = next;
            next = after;
            ids[i].id_max = next;
            ids[i].slack_start = slack_start;
            continue;
        }
        ids[i].id = next;
        next = after;
        order.push(c);
        stack.push((c, true));
        for &ch in children[i].iter().rev() {
            stack.push((ch, false));
        }
    }
    Ok((ids, order))
}

/// The classes in preorder over the hierarchy (parents first, children in declaration
/// order), as [`number_classes`] visits them, without numbering them.
pub(super) fn preorder(classes: &[ClassShape]) -> Vec<ClassId> {
    let mut children: Vec<Vec<ClassId>> = vec![Vec::new(); classes.len()];
    let mut stack = Vec::new();
    for (i, c) in classes.iter().enumerate() {
        match c.parent {
            Some(p) => children[p.0 as usize].push(ClassId(i as u32)),
            None => stack.push(ClassId(i as u32)),
        }
    }
    stack.reverse();
    let mut order = Vec::with_capacity(classes.len());
    while let Some(c) = stack.pop() {
        order.push(c);
        stack.extend(children[c.0 as usize].iter().rev());
    }
    order
}

impl Context<'_> {
    /// A synthesized method of class `cid` taking only `self` and returning `value` (a literal).
    pub(super) fn synthesized_getter(
        &mut self,
        cid: ClassId,
        module_name: &str,
        class_name: &str,
        name: &str,
        value: tir::Expr,
        at: TextRange,
    ) -> FuncId {
        let ret = value.ty.clone();
        let owner = format!("{module_name}.{class_name}");
        let fid = FuncId(self.program.functions.len() as u32);
        self.program.functions.push(tir::Function {
            name: format!("{owner}.{name}"),
            symbol: mangle(ItemKind::Synthesized, &owner, name),
            params: vec![tir::LocalId(0)],
            ret: ret.clone(),
            locals: vec![tir::Local {
                name: "self".into(),
                ty: Type::Instance(cid),
            }],
            body: vec![tir::Stmt::Return(Some(value))],
            can_raise: false,
        });
        let module = self.class(cid).module.expect("user class");
        self.func_sigs.push(Some(super::defs::FuncSig {
            module,
            name: format!("{class_name}.{name}"),
            params: vec![super::defs::Param {
                name: "self".into(),
                ty: Type::Instance(cid),
                default: None,
            }],
            ret,
            def_start: at.start().to_u32(),
            def_end: at.end().to_u32(),
            stmt_index: usize::MAX,
            method: None,
            bad_params: Vec::new(),
        }));
        fid
    }

    /// Numbers classes, lays out fields and builds vtables into `program.classes`.
    pub(super) fn build_classes(&mut self) {
        let n = self.classes.len();
        let shapes: Vec<ClassShape> = self
            .classes
            .iter()
            .map(|c| ClassShape {
                parent: c.parent,
                slack: c.slack,
                is_final: c.is_final,
            })
            .collect();
        // A second translation numbers nothing: it takes the core's classes as they were
        // laid out (ids, ranges and slack as the exports file records them), and its own
        // classes' ids are the loader's to assign (see `ExtensionInfo::local_classes`), so
        // they are laid out parents first with ids zero.
        let (ids, order) = match &self.interface {
            Some(iface) => {
                let ids = self.relative_ids(&iface.prebuilt);
                (ids, preorder(&shapes))
            }
            None => match number_classes(&shapes) {
                Ok(numbered) => numbered,
                Err(c) => {
                    self.report_id_overflow(c);
                    return;
                }
            },
        };
        let mut classes: Vec<Option<tir::Class>> = vec![None; n];
        let prebuilt = self
            .interface
            .as_ref()
            .map(|i| i.prebuilt.clone())
            .unwrap_or_default();
        for (c, class) in &prebuilt {
            classes[c.0 as usize] = Some(class.clone());
        }
        for c in order {
            let i = c.0 as usize;
            if classes[i].is_some() {
                continue;
            }
            let info = self.classes[i].clone();
            let (mut fields, mut vtable) = match info.parent {
                Some(p) => {
                    let pc = classes[p.0 as usize]
                        .as_ref()
                        .expect("parents come first in preorder");
                    (pc.fields.clone(), pc.vtable.clone())
                }
                None => (Vec::new(), Vec::new()),
            };
            for (name, ty) in &info.fields {
                let offset = 8 + 8 * fields.len() as i32;
                fields.push(tir::Field {
                    name: name.clone(),
                    ty: ty.clone(),
                    offset,
                });
            }
            let mut own: Vec<(&String, &FuncId)> = info.methods.iter().collect();
            own.sort_by_key(|(_, f)| f.0);
            for (name, &func) in own {
                if name == "__init__" {
                    continue;
                }
                let is_final = info.final_methods.contains(name);
                if let Some(slot) = vtable
                    .iter()
                    .position(|e: &tir::VtableEntry| &e.name == name)
                {
                    self.check_override(c, &vtable[slot], func);
                }
                place_in_vtable(&mut vtable, name, func, is_final);
                // A call through the base type that omits an argument must use the
                // defaults of the method that runs, as in Python: each default is
                // also a synthesized virtual method, overridden with the method.
                let Some(sig) = self.func_sigs[func.0 as usize].clone() else {
                    continue;
                };
                let (Some(m), at) = (
                    info.module,
                    TextRange::new(sig.def_start.into(), sig.def_end.into()),
                ) else {
                    continue;
                };
                let module_name = self.module(m).name.clone();
                for (i, p) in sig.params.iter().enumerate().skip(1) {
                    if let Some(d) = &p.default {
                        let getter_name = default_getter_name(name, i);
                        let g = self.synthesized_getter(
                            c,
                            &module_name,
                            &info.name,
                            &getter_name,
                            d.clone(),
                            at,
                        );
                        place_in_vtable(&mut vtable, &getter_name, g, is_final);
                    }
                }
            }
            if let Some(unhashable) = self.unhashable_hash(c, TextRange::default()) {
                place_in_vtable(&mut vtable, "__hash__", unhashable, false);
            }
            let (module_name, symbol) = match info.module {
                Some(m) => {
                    let mname = self.module(m).name.clone();
                    (
                        format!("{mname}.{}", info.name),
                        mangle(ItemKind::Class, &mname, &info.name),
                    )
                }
                None => (
                    info.builtin
                        .map_or(info.name.as_str(), |k| k.qualified_name())
                        .to_string(),
                    mangle(ItemKind::Class, "builtins", &info.name),
                ),
            };
            // Parents come first in preorder: whether a class is an exception is
            // its parent's answer, not a walk up the whole hierarchy.
            let is_exception = info.builtin.is_some()
                || info.parent.is_some_and(|p| {
                    classes[p.0 as usize]
                        .as_ref()
                        .is_some_and(|pc| pc.is_exception)
                });
            let size = 8 + 8 * fields.len() as u32;
            classes[i] = Some(tir::Class {
                name: module_name,
                symbol,
                parent: info.parent,
                id: ids[i].id,
                id_max: ids[i].id_max,
                slack_start: ids[i].slack_start,
                fields,
                size,
                vtable,
                is_exception,
                is_final: info.is_final,
                builtin: info.builtin,
                ids_at_load: self.interface.is_some(),
                // Decided by the field-initialisation pass, once bodies are checked.
                init_lends_self: false,
            });
        }
        self.program.classes = classes
            .into_iter()
            .map(|c| c.expect("every class is numbered"))
            .collect();
    }

    /// An extension's own classes numbered among themselves, as the loader
    /// will number them inside the blocks it gives them: what the extension's
    /// exports file records (ids relative to the extension, and the slack an
    /// exported class reserves for the subclasses of later extensions). Only
    /// exported classes reserve slack: no other extension can name the rest.
    fn relative_ids(&self, prebuilt: &HashMap<ClassId, tir::Class>) -> Vec<ClassIds> {
        let n = self.classes.len();
        let local: Vec<usize> = (0..n)
            .filter(|i| !prebuilt.contains_key(&ClassId(*i as u32)))
            .collect();
        let position: HashMap<usize, u32> = local
            .iter()
            .enumerate()
            .map(|(k, &i)| (i, k as u32))
            .collect();
        let exported: HashSet<ClassId> = self.program.exports.classes.iter().copied().collect();
        let shapes: Vec<ClassShape> = local
            .iter()
            .map(|&i| {
                let c = &self.classes[i];
                ClassShape {
                    parent: c
                        .parent
                        .and_then(|p| position.get(&(p.0 as usize)))
                        .map(|&k| ClassId(k)),
                    slack: if exported.contains(&ClassId(i as u32)) {
                        c.slack
                    } else {
                        0
                    },
                    is_final: c.is_final,
                }
            })
            .collect();
        let mut ids = vec![ClassIds::default(); n];
        // An extension has far fewer than 2^32 classes and slacks of at most 2^20.
        if let Ok((numbered, _)) = number_classes(&shapes) {
            for (k, &i) in local.iter().enumerate() {
                ids[i] = numbered[k];
            }
        }
        ids
    }

    /// Class ids ran out at class `c`: the classes and their slack need more than 2^32 ids.
    pub(super) fn report_id_overflow(&mut self, c: ClassId) {
        let info = &self.classes[c.0 as usize];
        let (Some(module), name) = (info.module, info.name.clone()) else {
            return;
        };
        let Some(file) = self.module(module).file else {
            return;
        };
        let range = match self.module(module).body.get(info.stmt_index) {
            Some(Stmt::ClassDef(d)) => d.name.range,
            _ => TextRange::default(),
        };
        self.error(
            file,
            range,
            format!(
                "class ids run out at class '{name}': the classes and the ids they reserve for \
                 extension subclasses (slack) need more than 2^32; lower @export(slack=N)"
            ),
        );
    }

    /// A field of a class or of its ancestors.
    pub(super) fn find_field(&self, c: ClassId, name: &str) -> Option<tir::Field> {
        self.program.classes[c.0 as usize]
            .fields
            .iter()
            .find(|f| f.name == name)
            .cloned()
    }

    /// A virtual method: its slot and entry.
    pub(super) fn find_method(&self, c: ClassId, name: &str) -> Option<(u32, tir::VtableEntry)> {
        self.program.classes[c.0 as usize]
            .vtable
            .iter()
            .enumerate()
            .find(|(_, e)| e.name == name)
            .map(|(i, e)| (i as u32, e.clone()))
    }
}

/// Puts `func` in the slot named `name` (an override) or in a new slot.
pub(super) fn place_in_vtable(
    vtable: &mut Vec<tir::VtableEntry>,
    name: &str,
    func: FuncId,
    is_final: bool,
) {
    let entry = tir::VtableEntry {
        name: name.to_string(),
        func,
        is_final,
    };
    match vtable.iter().position(|e| e.name == name) {
        Some(slot) => vtable[slot] = entry,
        None => vtable.push(entry),
    }
}

#[cfg(test)]
mod tests {
    use super::{ClassIds, ClassShape, number_classes, preorder};
    use crate::tir::ClassId;

    fn shape(parent: Option<u32>, slack: u32, is_final: bool) -> ClassShape {
        ClassShape {
            parent: parent.map(ClassId),
            slack,
            is_final,
        }
    }

    fn ids(id: u32, id_max: u32, slack_start: u32) -> ClassIds {
        ClassIds {
            id,
            id_max,
            slack_start,
        }
    }

    #[test]
    fn ranges_cover_subclasses_then_slack() {
        // A (slack 256) has B (final) and C (slack 2); C has D (slack 0); E is another root.
        let classes = [
            shape(None, 256, false),
            shape(Some(0), 256, true),
            shape(Some(0), 2, false),
            shape(Some(2), 0, false),
            shape(None, 1, false),
        ];
        let (numbered, order) = number_classes(&classes).expect("ids suffice");
        assert_eq!(
            numbered,
            vec![
                ids(1, 263, 7),
                ids(2, 3, 3),
                ids(3, 7, 5),
                ids(4, 5, 5),
                ids(263, 265, 264),
            ]
        );
        assert_eq!(order, [0, 1, 2, 3, 4].map(ClassId));
    }

    #[test]
    fn children_are_numbered_in_declaration_order() {
        let classes = [
            shape(None, 0, false),
            shape(Some(0), 0, false),
            shape(Some(0), 0, false),
            shape(Some(1), 0, false),
        ];
        let (numbered, order) = number_classes(&classes).expect("ids suffice");
        assert_eq!(order, [0, 1, 3, 2].map(ClassId));
        assert_eq!(numbered[2], ids(4, 5, 5));
    }

    #[test]
    fn preorder_is_the_numbering_order() {
        let classes = [
            shape(None, 0, false),
            shape(Some(0), 3, false),
            shape(None, 0, true),
            shape(Some(0), 0, false),
            shape(Some(1), 0, false),
            shape(Some(2), 0, false),
        ];
        let (_, order) = number_classes(&classes).expect("ids suffice");
        assert_eq!(order, [0, 1, 4, 3, 2, 5].map(ClassId));
        assert_eq!(preorder(&classes), order);
        // Preorder needs no ids: slack that would run out of them changes nothing.
        let huge = [
            shape(None, u32::MAX, false),
            shape(Some(0), u32::MAX, false),
        ];
        assert!(number_classes(&huge).is_err());
        assert_eq!(preorder(&huge), [0, 1].map(ClassId));
    }

    #[test]
    fn running_out_of_ids_names_the_class() {
        let classes = [
            shape(None, 1 << 20, false),
            shape(Some(0), u32::MAX - 1, false),
        ];
        assert_eq!(number_classes(&classes), Err(ClassId(1)));
    }
}
