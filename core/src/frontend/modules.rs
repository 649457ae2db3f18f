//! Loading modules, declaring their functions and globals, and binding imports.
//!
//! Modules resolve against the entry module's directory: `a.b` is `a/b.py`,
//! `a/b/__init__.py`, or the directory `a/b/` (a package without
//! `__init__.py`). Only top-level statements are looked at here; bodies are
//! checked in [`super::program`].

use seam_abi::symbols::{ItemKind, mangle};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

use ruff_python_ast::{self as ast, Expr, Stmt};
use ruff_text_size::{Ranged, TextRange};

use super::context::Context;
use super::defs::{Binding, GlobalInfo, ModId, Module, SeamName};
use super::rules::Item;
use crate::diag::FileId;
use crate::tir;

/// The deepest bracket or block nesting accepted before parsing; deeper input gets a diagnostic.
pub const MAX_NESTING: usize = 100;

/// The largest source file the front end reads: its syntax tree takes many
/// times its size in memory, and offsets are 32-bit.
pub const MAX_SOURCE_BYTES: usize = 32 << 20;

impl Context<'_> {
    /// Loads the entry module and, transitively, everything it imports.
    pub(super) fn load_program(&mut self, entry: &Path) -> Option<ModId> {
        let Some(text) = self.loader.read_file(entry) else {
            let file = self.sources.add(entry.display().to_string(), String::new());
            self.error(
                file,
                TextRange::default(),
                format!(
                    "cannot read '{}': no such file, or not UTF-8 text",
                    entry.display()
                ),
            );
            return None;
        };
        let stem = entry
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let entry_id = self.add_module(stem, entry.display().to_string(), text);
        let mut next = 0;
        while next < self.modules.len() {
            let id = ModId(next as u32);
            self.load_imports_of(id);
            next += 1;
        }
        Some(entry_id)
    }

    /// Parses a module's text and registers it.
    fn add_module(&mut self, name: String, display_path: String, text: String) -> ModId {
        let file = self.sources.add(display_path, text.clone());
        let mut unparsed = true;
        let too_large = (text.len() > MAX_SOURCE_BYTES).then(|| {
            (
                0,
                format!(
                    "source file too large: {} bytes (at most {} MiB; split it into modules)",
                    text.len(),
                    MAX_SOURCE_BYTES >> 20
                ),
            )
        });
        let refusal = too_large
            .or_else(|| text.find('\0').map(|at| (at, "source code cannot contain null bytes".to_string())))
            .or_else(|| {
                statement_too_long(&text).map(|at| {
                    (
                        at,
                        format!(
                            "statement too long: more than {MAX_STATEMENT_CHARS} characters of code \
                             in one statement (split it)"
                        ),
                    )
                })
            });
        let body = match refusal {
            Some((offset, message)) => {
                let at = TextRange::empty((offset as u32).into());
                self.error(file, at, message);
                Vec::new()
            }
            None => self.parse_guarded(file, &text, &mut unparsed),
        };
        let id = self.push_module(name, Some(file), body);
        self.modules[id.0 as usize].unparsed = unparsed;
        id
    }

    /// Parses a module that passed the size guards, refusing absurd nesting first.
    fn parse_guarded(&mut self, file: FileId, text: &str, unparsed: &mut bool) -> Vec<Stmt> {
        match nesting_error(text) {
            Some(offset) => {
                let at = TextRange::empty((offset as u32).into());
                self.error(
                    file,
                    at,
                    format!(
                        "nesting too deep: more than {MAX_NESTING} levels of brackets or blocks"
                    ),
                );
                Vec::new()
            }
            None => match ruff_python_parser::parse_module(text) {
                Ok(parsed) => {
                    *unparsed = false;
                    let body: Vec<Stmt> = parsed.into_syntax().body.into_iter().collect();
                    for (range, message) in super::pysyntax::compile_errors(&body, text) {
                        self.error(file, range, format!("syntax error: {message}"));
                    }
                    body
                }
                Err(err) => {
                    self.error(file, err.location, format!("syntax error: {}", err.error));
                    Vec::new()
                }
            },
        }
    }

    fn push_module(&mut self, name: String, file: Option<FileId>, body: Vec<Stmt>) -> ModId {
        let id = ModId(self.modules.len() as u32);
        self.module_index.insert(name.clone(), id);
        self.modules.push(Module {
            name,
            file,
            body,
            scope: HashMap::new(),
            reassigned: Default::default(),
            unparsed: false,
        });
        id
    }

    /// Loads the modules one module's top-level imports name.
    fn load_imports_of(&mut self, id: ModId) {
        let module = &self.modules[id.0 as usize];
        let Some(file) = module.file else { return };
        let mut wanted: Vec<(String, TextRange)> = Vec::new();
        let current = module.name.clone();
        let is_package = self.is_package(id);
        for stmt in &module.body {
            match stmt {
                Stmt::Import(imp) => {
                    for alias in &imp.names {
                        wanted.push((alias.name.id.to_string(), alias.range));
                    }
                }
                Stmt::ImportFrom(imp) => {
                    let Some(base) = resolve_relative(&current, is_package, imp) else {
                        continue;
                    };
                    wanted.push((base.clone(), imp.range));
                    // `from pkg import sub` may name a submodule. An extension's modules are
                    // the exports file's, already known: nothing is looked for on disk.
                    for alias in &imp.names {
                        let sub = format!("{base}.{}", alias.name.id);
                        if self.interface_path.is_none() && self.module_path(&sub).is_some() {
                            wanted.push((sub, alias.range));
                        }
                    }
                }
                _ => {}
            }
        }
        for (name, range) in wanted {
            if name == "seam"
                || name == "typing"
                || name == "collections.abc"
                || name == "__future__"
                || name == "sys"
            {
                continue;
            }
            self.ensure_module(&name, file, range);
        }
    }

    /// Whether a module is a package (its `__init__.py` or a directory).
    fn is_package(&self, id: ModId) -> bool {
        let m = self.module(id);
        match m.file {
            None => true,
            Some(f) => self.sources.path(f).ends_with("__init__.py"),
        }
    }

    /// Loads module `name` and its parent packages, reporting a missing one at `range` of `file`.
    fn ensure_module(&mut self, name: &str, file: FileId, range: TextRange) -> Option<ModId> {
        if let Some(&id) = self.module_index.get(name) {
            return Some(id);
        }
        // An extension sees the core only through its exports file, never its sources.
        if let (Some(path), Some(rules)) = (self.interface_path.clone(), self.rules) {
            self.error(file, range, rules.unknown_module(name, &path));
            return None;
        }
        let mut parent = None;
        if let Some((pkg, _)) = name.rsplit_once('.') {
            parent = Some(self.ensure_module(pkg, file, range)?);
        }
        let id = match self.module_path(name) {
            Some(ModulePath::File(path)) => match self.loader.read_file(&path) {
                Some(text) => self.add_module(name.to_string(), display(&path), text),
                None => {
                    self.error(
                        file,
                        range,
                        format!("cannot read module '{name}' from '{}'", display(&path)),
                    );
                    return None;
                }
            },
            Some(ModulePath::Namespace) => self.push_module(name.to_string(), None, Vec::new()),
            None => {
                self.error(
                    file,
                    range,
                    format!(
                        "cannot import '{name}': no module '{name}' next to the entry module \
                         (only the program's own modules, 'seam' and 'typing' can be imported)"
                    ),
                );
                return None;
            }
        };
        if let (Some(parent), Some((_, last))) = (parent, name.rsplit_once('.')) {
            self.modules[parent.0 as usize]
                .scope
                .entry(last.to_string())
                .or_insert(Binding::Module(id));
        }
        Some(id)
    }

    fn module_path(&self, name: &str) -> Option<ModulePath> {
        let mut base = self.root.clone();
        for part in name.split('.') {
            base.push(part);
        }
        let file = base.with_extension("py");
        if self.loader.read_file(&file).is_some() {
            return Some(ModulePath::File(file));
        }
        let init = base.join("__init__.py");
        if self.loader.read_file(&init).is_some() {
            return Some(ModulePath::File(init));
        }
        if self.loader.is_dir(&base) {
            return Some(ModulePath::Namespace);
        }
        None
    }

    /// Declares every module's functions and globals (types come later).
    pub(super) fn declare_all(&mut self) {
        for m in 0..self.modules.len() {
            let id = ModId(m as u32);
            let Some(file) = self.modules[m].file else {
                continue;
            };
            let body = std::mem::take(&mut self.modules[m].body);
            for (index, stmt) in body.iter().enumerate() {
                self.declare_stmt(id, file, index, stmt);
            }
            // Globals reassigned through `global` cannot be imported by value.
            let mut reassigned = std::collections::HashSet::new();
            for stmt in &body {
                if let Stmt::FunctionDef(def) = stmt {
                    collect_global_decls(&def.body, &mut reassigned);
                }
            }
            self.modules[m].reassigned = reassigned;
            self.modules[m].body = body;
        }
    }

    fn declare_stmt(&mut self, id: ModId, file: FileId, index: usize, stmt: &Stmt) {
        let module_name = self.module(id).name.clone();
        match stmt {
            Stmt::FunctionDef(def) => {
                let name = def.name.id.to_string();
                if self.module(id).scope.contains_key(&name) {
                    self.error(
                        file,
                        def.name.range,
                        format!("'{name}' is already defined in this module"),
                    );
                    return;
                }
                let fid = tir::FuncId(self.program.functions.len() as u32);
                self.program.functions.push(tir::Function {
                    name: format!("{module_name}.{name}"),
                    symbol: mangle(ItemKind::Function, &module_name, &name),
                    params: Vec::new(),
                    ret: tir::Type::None,
                    locals: Vec::new(),
                    body: Vec::new(),
                    can_raise: false,
                });
                self.func_sigs.push(None);
                self.modules[id.0 as usize]
                    .scope
                    .insert(name, Binding::Function(fid));
                let _ = index;
            }
            Stmt::ClassDef(def) => self.declare_class(id, file, index, def),
            Stmt::AnnAssign(ast::StmtAnnAssign { target, .. }) => {
                self.declare_global(id, file, index, target);
            }
            Stmt::Assign(ast::StmtAssign { targets, .. }) => {
                if let [target] = targets.as_slice() {
                    self.declare_global(id, file, index, target);
                } else {
                    self.error(
                        file,
                        stmt.range(),
                        "chained assignment is not supported at module level",
                    );
                }
            }
            _ => {}
        }
    }

    fn declare_global(&mut self, id: ModId, file: FileId, index: usize, target: &Expr) {
        let Expr::Name(name) = target else {
            self.error(
                file,
                target.range(),
                "a module-level assignment must assign a single name",
            );
            return;
        };
        let name = name.id.to_string();
        if self.module(id).scope.contains_key(&name) {
            self.error(
                file,
                target.range(),
                format!("'{name}' is already defined in this module"),
            );
            return;
        }
        let module_name = self.module(id).name.clone();
        let gid = tir::GlobalId(self.program.globals.len() as u32);
        self.program.globals.push(tir::Global {
            name: format!("{module_name}.{name}"),
            symbol: mangle(ItemKind::Global, &module_name, &name),
            ty: tir::Type::None,
        });
        self.global_info.push(GlobalInfo {
            id: gid,
            module: id,
            name: name.clone(),
            stmt_index: index,
        });
        self.modules[id.0 as usize]
            .scope
            .insert(name, Binding::Global(gid));
    }

    /// Binds imported names in every module's scope.
    pub(super) fn resolve_imports(&mut self) {
        for m in 0..self.modules.len() {
            let id = ModId(m as u32);
            let Some(file) = self.modules[m].file else {
                continue;
            };
            let body = std::mem::take(&mut self.modules[m].body);
            for stmt in &body {
                match stmt {
                    Stmt::Import(imp) => self.bind_import(id, file, imp),
                    Stmt::ImportFrom(imp) => self.bind_import_from(id, file, imp),
                    _ => {}
                }
            }
            self.modules[m].body = body;
        }
    }

    fn bind(&mut self, id: ModId, file: FileId, name: &ast::Identifier, binding: Binding) {
        let scope = &mut self.modules[id.0 as usize].scope;
        match scope.get(name.id.as_str()) {
            Some(existing) if *existing != binding => {
                self.error(
                    file,
                    name.range,
                    format!("'{}' is already defined in this module", name.id),
                );
            }
            _ => {
                scope.insert(name.id.to_string(), binding);
            }
        }
    }

    fn bind_import(&mut self, id: ModId, file: FileId, imp: &ast::StmtImport) {
        for alias in &imp.names {
            let full = alias.name.id.as_str();
            let top = full.split('.').next().unwrap_or(full);
            let binding = match (full, &alias.asname) {
                ("seam", _) => Binding::SeamModule,
                ("typing", _) => Binding::TypingModule,
                ("sys", _) => Binding::SysModule,
                (_, Some(_)) => match self.module_index.get(full) {
                    Some(&m) => Binding::Module(m),
                    None => continue,
                },
                (_, None) => match self.module_index.get(top) {
                    Some(&m) => Binding::Module(m),
                    None => continue,
                },
            };
            let bound_name = match &alias.asname {
                Some(asname) => asname.clone(),
                None => ast::Identifier::new(top, alias.name.range),
            };
            self.bind(id, file, &bound_name, binding);
        }
    }

    fn bind_import_from(&mut self, id: ModId, file: FileId, imp: &ast::StmtImportFrom) {
        let is_package = self.is_package(id);
        let Some(base) = resolve_relative(&self.module(id).name.clone(), is_package, imp) else {
            self.error(
                file,
                imp.range,
                "relative import goes beyond the top-level package",
            );
            return;
        };
        for alias in &imp.names {
            let name = alias.name.id.as_str();
            let bound = alias.asname.clone().unwrap_or_else(|| alias.name.clone());
            if name == "*" {
                self.error(
                    file,
                    alias.range,
                    "'import *' is not supported: import the names you use",
                );
                continue;
            }
            let binding = match base.as_str() {
                "seam" => match name {
                    "export" => Binding::Seam(SeamName::Export),
                    "final" => Binding::Seam(SeamName::Final),
                    "Exported" => Binding::Seam(SeamName::Exported),
                    "load_extension" => Binding::Seam(SeamName::LoadExtension),
                    "intmask" => Binding::Seam(SeamName::Intmask),
                    "c_function" => Binding::Seam(SeamName::CFunction),
                    "c_library" => Binding::Seam(SeamName::CLibrary),
                    "CPointer" => Binding::Seam(SeamName::CPointer),
                    _ => {
                        self.error(
                            file,
                            alias.range,
                            format!("module 'seam' has no name '{name}'"),
                        );
                        Binding::Poisoned
                    }
                },
                "sys" => {
                    self.error(
                        file,
                        alias.range,
                        format!("'from sys import {name}' is not supported: use 'import sys' and 'sys.{name}'"),
                    );
                    Binding::Poisoned
                }
                "__future__" if name == "annotations" => continue,
                "__future__" => {
                    self.error(
                        file,
                        alias.range,
                        format!(
                            "'from __future__ import {name}' is not supported (only annotations is)"
                        ),
                    );
                    Binding::Poisoned
                }
                "collections.abc" if name == "Callable" => Binding::TypingCallable,
                "collections.abc" => {
                    self.error(
                        file,
                        alias.range,
                        format!("'collections.abc.{name}' is not supported (only Callable is)"),
                    );
                    Binding::Poisoned
                }
                "typing" => {
                    match name {
                        "Optional" => Binding::TypingOptional,
                        "Callable" => Binding::TypingCallable,
                        // Aliases of the builtin generics.
                        "List" => Binding::TypingAlias("list"),
                        "Dict" => Binding::TypingAlias("dict"),
                        "Tuple" => Binding::TypingAlias("tuple"),
                        "Set" => Binding::TypingAlias("set"),
                        "TextIO" => Binding::TypingTextIO,
                        "IO" => Binding::TypingIO,
                        _ => {
                            self.error(
                            file,
                            alias.range,
                            format!("'typing.{name}' is not supported (only Optional, Callable, List, Dict, Tuple, Set, TextIO and IO are)"),
                        );
                            Binding::Poisoned
                        }
                    }
                }
                _ => {
                    let Some(&source) = self.module_index.get(&base) else {
                        // The module itself failed to load (reported at the import).
                        self.bind(id, file, &bound, Binding::Poisoned);
                        continue;
                    };
                    match self.lookup_export(source, name) {
                        Some(Binding::Global(g)) => {
                            let src = self.module(source);
                            if src.reassigned.contains(name) {
                                self.error(
                                    file,
                                    alias.range,
                                    if let Some(rules) = self.rules {
                                        rules.global_by_value(name, &src.name)
                                    } else {
                                        format!(
                                            "cannot import global '{name}' by value: module '{}' reassigns it; \
                                             use 'import {}' and '{}.{name}'",
                                            src.name, src.name, src.name
                                        )
                                    },
                                );
                                Binding::Poisoned
                            } else {
                                Binding::Global(g)
                            }
                        }
                        Some(b) => b,
                        None => {
                            let src_name = self.module(source).name.clone();
                            self.error(
                                file,
                                alias.range,
                                match self.not_exported(source, Item::Name, name) {
                                    Some(message) => message,
                                    None => format!("module '{src_name}' has no name '{name}'"),
                                },
                            );
                            Binding::Poisoned
                        }
                    }
                }
            };
            self.bind(id, file, &bound, binding);
        }
    }

    /// A module-level name of `source` as another module sees it (following its own imports).
    fn lookup_export(&mut self, source: ModId, name: &str) -> Option<Binding> {
        if let Some(b) = self.module(source).scope.get(name) {
            return Some(b.clone());
        }
        // The source may import the name itself, later in our resolution order.
        let body = std::mem::take(&mut self.modules[source.0 as usize].body);
        let mut found = None;
        let is_package = self.is_package(source);
        let src_name = self.module(source).name.clone();
        for stmt in &body {
            if let Stmt::ImportFrom(imp) = stmt
                && let Some(base) = resolve_relative(&src_name, is_package, imp)
                && let Some(alias) = imp
                    .names
                    .iter()
                    .find(|a| a.asname.as_ref().unwrap_or(&a.name).id.as_str() == name)
                && let Some(&m) = self.module_index.get(&base)
                && m != source
            {
                found = self.lookup_export(m, alias.name.id.as_str());
                break;
            }
        }
        self.modules[source.0 as usize].body = body;
        found
    }
}

enum ModulePath {
    File(PathBuf),
    Namespace,
}

fn display(path: &Path) -> String {
    path.display().to_string()
}

/// The absolute module name of a `from ... import` statement.
fn resolve_relative(current: &str, is_package: bool, imp: &ast::StmtImportFrom) -> Option<String> {
    let module = imp.module.as_ref().map(|m| m.id.to_string());
    if imp.level == 0 {
        return module;
    }
    let mut parts: Vec<&str> = current.split('.').collect();
    // A module's own package is its name minus the last part; a package is its own.
    let drop = if is_package { imp.level - 1 } else { imp.level };
    for _ in 0..drop {
        parts.pop()?;
    }
    let mut base = parts.join(".");
    if let Some(m) = module {
        if !base.is_empty() {
            base.push('.');
        }
        base.push_str(&m);
    }
    (!base.is_empty()).then_some(base)
}

fn collect_global_decls(body: &[Stmt], out: &mut std::collections::HashSet<String>) {
    for stmt in body {
        match stmt {
            Stmt::Global(g) => out.extend(g.names.iter().map(|n| n.id.to_string())),
            Stmt::If(s) => {
                collect_global_decls(&s.body, out);
                for c in &s.elif_else_clauses {
                    collect_global_decls(&c.body, out);
                }
            }
            Stmt::While(s) => collect_global_decls(&s.body, out),
            Stmt::For(s) => collect_global_decls(&s.body, out),
            Stmt::With(s) => collect_global_decls(&s.body, out),
            Stmt::Try(s) => {
                collect_global_decls(&s.body, out);
                collect_global_decls(&s.orelse, out);
                collect_global_decls(&s.finalbody, out);
            }
            _ => {}
        }
    }
}

/// The most characters of code (outside strings and comments) one statement may have.
///
/// Long chains of attribute accesses, calls, subscripts or binary operators
/// (`x.a.a.a…`, `1 + 1 + …`) nest the syntax tree without nesting brackets,
/// and the tree's clone and drop recurse on that depth: bounding a statement's
/// length bounds it.
pub const MAX_STATEMENT_CHARS: usize = 100_000;

/// The byte offset where a statement first exceeds [`MAX_STATEMENT_CHARS`] characters of code, if one does.
fn statement_too_long(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let (mut i, mut depth, mut run) = (0usize, 0usize, 0usize);
    while i < bytes.len() {
        let c = bytes[i];
        match c {
            b'#' => {
                while i < bytes.len() && !matches!(bytes[i], b'\n' | b'\r') {
                    i += 1;
                }
                continue;
            }
            b'\'' | b'"' => {
                // Skip a string literal, single- or triple-quoted.
                let triple = bytes.get(i + 1) == Some(&c) && bytes.get(i + 2) == Some(&c);
                let quote_len = if triple { 3 } else { 1 };
                i += quote_len;
                while i < bytes.len() {
                    if bytes[i] == b'\\' {
                        i += 2;
                        continue;
                    }
                    if bytes[i] == c
                        && (!triple
                            || (bytes.get(i + 1) == Some(&c) && bytes.get(i + 2) == Some(&c)))
                    {
                        i += quote_len;
                        break;
                    }
                    if matches!(bytes[i], b'\n' | b'\r') && !triple {
                        break;
                    }
                    i += 1;
                }
                run += 1;
                continue;
            }
            b'(' | b'[' | b'{' => depth += 1,
            b')' | b']' | b'}' => depth = depth.saturating_sub(1),
            // A line ends at `\n`, `\r\n` or a lone `\r`; a backslash right before the
            // terminator continues the statement.
            b'\n' if i > 0 && bytes[i - 1] == b'\r' => {}
            b'\n' | b'\r' if depth == 0 && bytes.get(i.wrapping_sub(1)) != Some(&b'\\') => run = 0,
            _ => {}
        }
        if !c.is_ascii_whitespace() {
            run += 1;
            if run > MAX_STATEMENT_CHARS {
                return Some(i);
            }
        }
        i += 1;
    }
    None
}

/// The byte offset where bracket or indentation nesting first exceeds [`MAX_NESTING`], if it does.
///
/// The parser recurses on nesting, so absurd input is refused before parsing.
/// Strings and comments are skipped roughly; this is a guard, not a lexer.
fn nesting_error(text: &str) -> Option<usize> {
    let mut depth = 0usize;
    let mut chars = text.char_indices().peekable();
    let mut at_line_start = true;
    let mut indent_levels: Vec<usize> = vec![0];
    while let Some((i, c)) = chars.next() {
        if at_line_start && depth == 0 {
            let mut width = 0;
            let mut j = i;
            let mut ch = c;
            loop {
                match ch {
                    ' ' => width += 1,
                    '\t' => width += 8,
                    _ => break,
                }
                match chars.next() {
                    Some((k, n)) => {
                        j = k;
                        ch = n;
                    }
                    None => return None,
                }
            }
            if ch != '\n' && ch != '#' && ch != '\r' {
                while indent_levels.last().is_some_and(|&l| l > width) {
                    indent_levels.pop();
                }
                if indent_levels.last().is_some_and(|&l| l < width) {
                    indent_levels.push(width);
                }
                if indent_levels.len() > MAX_NESTING {
                    return Some(j);
                }
            }
            at_line_start = false;
            if !handle_char(ch, j, &mut chars, &mut depth, &mut at_line_start) {
                return Some(j);
            }
            continue;
        }
        if !handle_char(c, i, &mut chars, &mut depth, &mut at_line_start) {
            return Some(i);
        }
    }
    None
}

fn handle_char(
    c: char,
    _i: usize,
    chars: &mut std::iter::Peekable<std::str::CharIndices<'_>>,
    depth: &mut usize,
    at_line_start: &mut bool,
) -> bool {
    match c {
        '(' | '[' | '{' => {
            *depth += 1;
            if *depth > MAX_NESTING {
                return false;
            }
        }
        ')' | ']' | '}' => *depth = depth.saturating_sub(1),
        '\n' | '\r' => *at_line_start = true,
        '#' => {
            for (_, n) in chars.by_ref() {
                if n == '\n' || n == '\r' {
                    *at_line_start = true;
                    break;
                }
            }
        }
        '"' | '\'' => {
            // Skip a string literal (single- or triple-quoted) so brackets inside it don't count.
            let triple = {
                let mut look = chars.clone();
                matches!((look.next(), look.next()), (Some((_, a)), Some((_, b))) if a == c && b == c)
            };
            if triple {
                chars.next();
                chars.next();
                let mut run = 0;
                for (_, n) in chars.by_ref() {
                    if n == '\\' {
                        run = 0;
                        continue;
                    }
                    if n == c {
                        run += 1;
                        if run == 3 {
                            break;
                        }
                    } else {
                        run = 0;
                    }
                }
            } else {
                let mut escaped = false;
                for (_, n) in chars.by_ref() {
                    if escaped {
                        escaped = false;
                    } else if n == '\\' {
                        escaped = true;
                    } else if n == c || n == '\n' || n == '\r' {
                        if n != c {
                            *at_line_start = true;
                        }
                        break;
                    }
                }
            }
        }
        _ => {}
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nesting_guard() {
        assert_eq!(nesting_error("x = (1)\n"), None);
        let deep = format!("x = {}1{}\n", "(".repeat(150), ")".repeat(150));
        assert_eq!(nesting_error(&deep), Some(4 + MAX_NESTING));
        assert_eq!(nesting_error("s = '((((('\n"), None);
    }

    #[test]
    fn statement_guard_knows_every_line_ending() {
        let terms = MAX_STATEMENT_CHARS / 2;
        for (continuation, newline) in [("\\\n", "\n"), ("\\\r\n", "\r\n"), ("\\\r", "\r")] {
            // One statement continued over many short lines is still one statement.
            let long = format!("x = 1{}\n", format!(" +{continuation} 1").repeat(terms));
            assert!(statement_too_long(&long).is_some(), "{continuation:?}");
            // Many short statements are not one long one.
            let many = format!("x = 1 + 1{newline}").repeat(terms);
            assert_eq!(statement_too_long(&many), None, "{newline:?}");
            assert_eq!(nesting_error(&many), None, "{newline:?}");
        }
    }
}
