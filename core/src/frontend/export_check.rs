//! What a core exports may only mention classes its exports file describes.
//!
//! The exports file describes every `@export` class, every ancestor of one, and
//! the builtin exception classes (see `crate::exports`). An exported
//! function's parameter or return type, a described class's field or method,
//! or an `Exported[T]` global that mentions any other class could not be
//! written to the file; this check reports it at check time, at the
//! annotation, instead of leaving `build-core` to fail without a position.

use ruff_python_ast::{self as ast, Expr, Stmt};
use ruff_text_size::{Ranged, TextRange};

use super::context::Context;
use crate::diag::FileId;
use crate::tir::{ClassId, FuncId, Type};

impl Context<'_> {
    /// Reports every exported signature, field and global mentioning an undescribed class.
    pub(super) fn check_exported_types(&mut self) {
        let described = self.described_classes();
        let mut problems: Vec<(FileId, TextRange, String)> = Vec::new();
        for &fid in &self.program.exports.functions.clone() {
            let what = format!(
                "exported function '{}'",
                self.program.functions[fid.0 as usize].name
            );
            self.check_function_types(fid, &described, &what, &mut problems);
        }
        for (i, info) in self.classes.clone().iter().enumerate() {
            if !described[i] || info.builtin.is_some() {
                continue;
            }
            let Some(module) = info.module else { continue };
            let Some(file) = self.module(module).file else {
                continue;
            };
            let Some(Stmt::ClassDef(cdef)) = self.module(module).body.get(info.stmt_index) else {
                continue;
            };
            for (name, ty) in &info.fields {
                if let Some(bad) = undescribed(ty, &described) {
                    let range = cdef
                        .body
                        .iter()
                        .find_map(|s| match s {
                            Stmt::AnnAssign(a) if matches!(a.target.as_ref(), Expr::Name(n) if n.id.as_str() == name) => {
                                Some(a.annotation.range())
                            }
                            _ => None,
                        })
                        .unwrap_or(cdef.name.range);
                    let msg = format!(
                        "field '{name}' of exported class '{}' mentions class '{}', which is not \
                         exported: mark it @export",
                        self.program.classes[i].name, self.program.classes[bad.0 as usize].name
                    );
                    problems.push((file, range, msg));
                }
            }
            let mut methods: Vec<(String, FuncId)> =
                info.methods.iter().map(|(n, f)| (n.clone(), *f)).collect();
            methods.sort();
            for (name, fid) in methods {
                let what = format!(
                    "method '{name}' of exported class '{}'",
                    self.program.classes[i].name
                );
                self.check_function_types(fid, &described, &what, &mut problems);
            }
        }
        for &gid in &self.program.exports.globals.clone() {
            let Some(info) = self.global_info.iter().find(|g| g.id == gid).cloned() else {
                continue;
            };
            let ty = self.program.globals[gid.0 as usize].ty.clone();
            let Some(bad) = undescribed(&ty, &described) else {
                continue;
            };
            let Some(file) = self.module(info.module).file else {
                continue;
            };
            let range = match self.module(info.module).body.get(info.stmt_index) {
                Some(Stmt::AnnAssign(a)) => a.annotation.range(),
                Some(other) => other.range(),
                None => continue,
            };
            let msg = format!(
                "exported global '{}' mentions class '{}', which is not exported: mark it @export",
                self.program.globals[gid.0 as usize].name,
                self.program.classes[bad.0 as usize].name
            );
            problems.push((file, range, msg));
        }
        for (file, range, msg) in problems {
            self.error(file, range, msg);
        }
    }

    /// By class: whether the exports file describes it (exported, an ancestor of an
    /// exported class, or a builtin exception class).
    fn described_classes(&self) -> Vec<bool> {
        let mut described: Vec<bool> = self.classes.iter().map(|c| c.builtin.is_some()).collect();
        // An extension's exports may mention what the files it was built against describe.
        if let Some(iface) = &self.interface {
            for c in iface.prebuilt.keys() {
                described[c.0 as usize] = true;
            }
        }
        for &c in &self.program.exports.classes {
            let mut cur = Some(c);
            while let Some(k) = cur {
                described[k.0 as usize] = true;
                cur = self.classes[k.0 as usize].parent;
            }
        }
        described
    }

    fn check_function_types(
        &self,
        fid: FuncId,
        described: &[bool],
        what: &str,
        problems: &mut Vec<(FileId, TextRange, String)>,
    ) {
        let Some(sig) = self.func_sigs.get(fid.0 as usize).cloned().flatten() else {
            return;
        };
        let Some(file) = self.module(sig.module).file else {
            return;
        };
        let def = self.def_of(&sig);
        let report = |problems: &mut Vec<_>, range: TextRange, part: String, bad: ClassId| {
            problems.push((
                file,
                range,
                format!(
                    "{part} of {what} mentions class '{}', which is not exported: mark it @export",
                    self.program.classes[bad.0 as usize].name
                ),
            ));
        };
        let fallback = TextRange::new(sig.def_start.into(), sig.def_start.into());
        for p in &sig.params {
            if let Some(bad) = undescribed(&p.ty, described) {
                let range = def
                    .and_then(|d| {
                        d.parameters
                            .iter_non_variadic_params()
                            .find(|q| q.parameter.name.id.as_str() == p.name)
                            .and_then(|q| q.parameter.annotation.as_deref().map(Ranged::range))
                    })
                    .unwrap_or(fallback);
                report(problems, range, format!("parameter '{}'", p.name), bad);
            }
        }
        if let Some(bad) = undescribed(&sig.ret, described) {
            let range = def
                .and_then(|d| d.returns.as_deref().map(Ranged::range))
                .unwrap_or(fallback);
            report(problems, range, "the return type".to_string(), bad);
        }
    }

    /// The `def` statement of a function or method.
    fn def_of(&self, sig: &super::defs::FuncSig) -> Option<&ast::StmtFunctionDef> {
        let stmt = self.module(sig.module).body.get(sig.stmt_index)?;
        match (stmt, sig.method) {
            (Stmt::FunctionDef(d), None) => Some(d),
            (Stmt::ClassDef(c), Some((_, mi))) => match c.body.get(mi)? {
                Stmt::FunctionDef(d) => Some(d),
                _ => None,
            },
            _ => None,
        }
    }
}

/// The first class a type mentions that is not described, if any.
fn undescribed(t: &Type, described: &[bool]) -> Option<ClassId> {
    match t {
        Type::Instance(c) => (!described[c.0 as usize]).then_some(*c),
        Type::Int
        | Type::Float
        | Type::Bool
        | Type::Str
        | Type::None
        | Type::File
        | Type::Object => None,
        Type::List(e)
        | Type::Optional(e)
        | Type::DictKeys(e)
        | Type::DictValues(e)
        | Type::Set(e)
        | Type::VarTuple(e) => undescribed(e, described),
        Type::Dict(k, v) | Type::DictItems(k, v) => {
            undescribed(k, described).or_else(|| undescribed(v, described))
        }
        Type::Tuple(ts) => ts.iter().find_map(|t| undescribed(t, described)),
        Type::Callable(ps, r) => ps
            .iter()
            .find_map(|t| undescribed(t, described))
            .or_else(|| undescribed(r, described)),
    }
}
