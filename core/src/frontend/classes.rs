//! Classes: declaration, the hierarchy, class ids, layouts and vtables, and
//! the expressions that use them (construction, fields, method calls,
//! `super()`, `isinstance`).
//!
//! Class ids are numbered in preorder over the hierarchy, the builtin
//! exception classes included, so that `isinstance` is one range test
//! (RPython's `int_between`). Every non-final class reserves
//! [`DEFAULT_SLACK`] ids (or `@export(slack=N)`) at the end of its range for
//! subclasses defined later by extensions. Fields are laid out parent-first,
//! one 8-byte word each after the descriptor pointer; vtable slots are
//! numbered parent-first, an override reusing its parent's slot.

use seam_exports_schema::default_getter_name;
use std::collections::{HashMap, HashSet};

use ruff_python_ast::{self as ast, Expr, Stmt};
use ruff_text_size::{Ranged, TextRange};

use super::checker::{Checker, R, Reported};
use super::types::type_name;
use super::{Binding, Context, ModId, SeamName};
use crate::diag::FileId;
use crate::layout;
use crate::rt::{ExcKind, Rt};
use crate::tir::{self, ClassId, ExprKind, FuncId, Type};

/// Class ids a non-final class reserves for subclasses defined later, unless `@export(slack=N)` says otherwise.
pub const DEFAULT_SLACK: u32 = 256;

/// The deepest class hierarchy: every class's layout lists its bases' fields,
/// so depth times fields bounds the translator's work and memory.
pub const MAX_CLASS_DEPTH: usize = 1_000;

/// The most fields one class may have, its bases' included.
pub const MAX_FIELDS: usize = 10_000;

/// The hidden field holding an exception's message (not nameable from Python).
pub(super) const MESSAGE_FIELD: &str = "$message";

/// The hidden field holding the positional arguments of the construction of an exception
/// whose class has its own `__init__` (a tuple, or null when there were none).
pub(super) const ARGS_FIELD: &str = "$args";
/// The hidden field holding the type code of [`ARGS_FIELD`]'s tuple (a static address).
pub(super) const ARGS_CODE_FIELD: &str = "$args_code";

/// The type [`ARGS_FIELD`] is declared with: any reference will do, the runtime reads the
/// tuple through the code in [`ARGS_CODE_FIELD`].
fn args_field_type() -> Type {
    Type::Optional(Box::new(Type::Tuple(vec![Type::Int])))
}

/// What the front end knows of a class before and while layouts are built.
#[derive(Clone, Debug)]
pub(crate) struct ClassInfo {
    /// `None` for the builtin exception classes.
    pub module: Option<ModId>,
    pub name: String,
    /// Index of the `class` statement in its module's body.
    pub stmt_index: usize,
    pub parent: Option<ClassId>,
    pub slack: u32,
    pub is_final: bool,
    /// Own fields: name, type, where declared.
    pub fields: Vec<(String, Type)>,
    /// Own class-level constants.
    pub constants: HashMap<String, Constant>,
    /// Own methods, `__init__` included.
    pub methods: HashMap<String, FuncId>,
    pub final_methods: HashSet<String>,
    pub builtin: Option<ExcKind>,
    /// Members whose declaration was refused (already reported): uses are silent errors.
    pub bad_members: HashSet<String>,
}

/// How a class initialises new instances.
pub(super) enum Init {
    /// A user `__init__`.
    User(FuncId),
    /// The builtin exceptions' `__init__(msg: str = "")`; `KeyError` stores the repr.
    Exception { key_error: bool },
    /// `object.__init__()`: no arguments.
    Object,
}

impl Context<'_> {
    /// Creates the builtin exception classes, which come first in `program.classes`.
    pub(super) fn init_builtin_classes(&mut self) {
        for kind in ExcKind::ALL {
            self.classes.push(ClassInfo {
                module: None,
                name: kind.name().to_string(),
                stmt_index: 0,
                parent: kind.parent().map(|p| ClassId(p as u32)),
                slack: DEFAULT_SLACK,
                is_final: false,
                fields: if kind.parent().is_none() {
                    vec![
                        (MESSAGE_FIELD.to_string(), Type::Str),
                        (ARGS_FIELD.to_string(), args_field_type()),
                        (ARGS_CODE_FIELD.to_string(), Type::Int),
                    ]
                } else {
                    Vec::new()
                },
                constants: HashMap::new(),
                methods: HashMap::new(),
                final_methods: HashSet::new(),
                builtin: Some(kind),
                bad_members: HashSet::new(),
            });
        }
    }

    /// A class name visible in every module unless shadowed: the builtin exceptions.
    pub(super) fn builtin_class(&self, name: &str) -> Option<ClassId> {
        ExcKind::from_name(name).map(|k| ClassId(k as u32))
    }

    pub(crate) fn class(&self, c: ClassId) -> &ClassInfo {
        &self.classes[c.0 as usize]
    }

    /// Declares a `class` statement and its methods (types come later).
    pub(super) fn declare_class(
        &mut self,
        id: ModId,
        file: FileId,
        index: usize,
        def: &ast::StmtClassDef,
    ) {
        let name = def.name.id.to_string();
        if self.module(id).scope.contains_key(&name) {
            self.error(
                file,
                def.name.range,
                format!("'{name}' is already defined in this module"),
            );
            return;
        }
        let module_name = self.module(id).name.clone();
        let cid = ClassId(self.classes.len() as u32);
        let mut methods = HashMap::new();
        let mut bad_members = HashSet::new();
        for (mi, stmt) in def.body.iter().enumerate() {
            if let Stmt::FunctionDef(m) = stmt {
                let mname = m.name.id.to_string();
                // @staticmethod, @property and the like are refused (in `resolve_classes`);
                // such a method is not declared, so its body and uses add no further errors.
                let plain = m.decorator_list.iter().all(|d| match &d.expression {
                    Expr::Name(n) => n.id.as_str() == "final",
                    Expr::Attribute(a) => a.attr.id.as_str() == "final",
                    _ => false,
                });
                if !plain {
                    bad_members.insert(mname);
                    continue;
                }
                if methods.contains_key(&mname) {
                    self.error(
                        file,
                        m.name.range,
                        format!("method '{mname}' is defined twice"),
                    );
                    continue;
                }
                let fid = FuncId(self.program.functions.len() as u32);
                let owner = format!("{module_name}.{name}");
                self.program.functions.push(tir::Function {
                    name: format!("{owner}.{mname}"),
                    symbol: super::mangle(super::ItemKind::Method, &owner, &mname),
                    params: Vec::new(),
                    ret: Type::None,
                    locals: Vec::new(),
                    body: Vec::new(),
                    can_raise: false,
                });
                self.func_sigs.push(None);
                self.method_locs.insert(fid, (cid, index, mi));
                methods.insert(mname, fid);
            }
        }
        self.classes.push(ClassInfo {
            module: Some(id),
            name,
            stmt_index: index,
            parent: None,
            slack: DEFAULT_SLACK,
            is_final: false,
            fields: Vec::new(),
            constants: HashMap::new(),
            methods,
            final_methods: HashSet::new(),
            builtin: None,
            bad_members,
        });
        let name = def.name.id.to_string();
        self.modules[id.0 as usize]
            .scope
            .insert(name, Binding::Class(cid));
    }

    /// The class a base-class or annotation expression names, if any.
    pub(super) fn class_named(&self, module: ModId, e: &Expr) -> Option<ClassId> {
        match e {
            Expr::Name(n) => match self.module(module).scope.get(n.id.as_str()) {
                Some(Binding::Class(c)) => Some(*c),
                Some(_) => None,
                None => self.builtin_class(n.id.as_str()),
            },
            Expr::Attribute(a) => {
                let m = self.module_named(module, &a.value)?;
                match self.module(m).scope.get(a.attr.id.as_str()) {
                    Some(Binding::Class(c)) => Some(*c),
                    _ => None,
                }
            }
            _ => None,
        }
    }

    /// The module a dotted name (`m`, `pkg.mod`) names in `module`'s scope.
    pub(super) fn module_named(&self, module: ModId, e: &Expr) -> Option<ModId> {
        match e {
            Expr::Name(n) => match self.module(module).scope.get(n.id.as_str()) {
                Some(Binding::Module(m)) => Some(*m),
                _ => None,
            },
            Expr::Attribute(a) => {
                let m = self.module_named(module, &a.value)?;
                match self.module(m).scope.get(a.attr.id.as_str()) {
                    Some(Binding::Module(sub)) => Some(*sub),
                    _ => None,
                }
            }
            _ => None,
        }
    }

    /// Resolves every user class's parent, decorators, fields and constants.
    pub(super) fn resolve_classes(&mut self) {
        for c in ExcKind::ALL.len()..self.classes.len() {
            let cid = ClassId(c as u32);
            let info = self.classes[c].clone();
            // Classes from a core's exports file are already resolved.
            let Some(module) = info.module else { continue };
            let file = self.module(module).file.expect("classes live in files");
            let Stmt::ClassDef(def) = self.module(module).body[info.stmt_index].clone() else {
                continue;
            };
            // Parent.
            let mut parent = None;
            if let Some(args) = &def.arguments {
                if !args.keywords.is_empty() {
                    self.error(
                        file,
                        args.range,
                        "class keywords (metaclass=...) are not supported",
                    );
                }
                match &args.args[..] {
                    [] => {}
                    [base] => {
                        let is_object = matches!(base, Expr::Name(n) if n.id.as_str() == "object")
                            && !self.module(module).scope.contains_key("object");
                        if !is_object {
                            match self.class_named(module, base) {
                                Some(p) if p == ClassId(ExcKind::SystemExit as u32) => self.error(
                                    file,
                                    base.range(),
                                    "subclassing SystemExit is not supported",
                                ),
                                Some(p) => parent = Some(p),
                                None => self.error(
                                    file,
                                    base.range(),
                                    "a base class must be a Seam class, object, Exception or a builtin exception class",
                                ),
                            }
                        }
                    }
                    _ => self.error(file, args.range, "multiple inheritance is not supported"),
                }
            }
            if def.type_params.is_some() {
                self.error(file, def.name.range, "generic classes are not supported");
            }
            // Decorators.
            let mut slack = DEFAULT_SLACK;
            let mut is_final = false;
            for d in &def.decorator_list {
                match self.class_decorator(module, &d.expression) {
                    Ok(ClassDecorator::Export(n)) => {
                        if let Some(n) = n {
                            slack = n;
                        }
                        self.program.exports.classes.push(cid);
                    }
                    Ok(ClassDecorator::Final) => is_final = true,
                    Err(msg) => self.error(file, d.range, msg),
                }
            }
            // Body: fields, constants, methods.
            let mut fields = Vec::new();
            let mut constants = HashMap::new();
            let mut final_methods = HashSet::new();
            for stmt in &def.body {
                match stmt {
                    Stmt::AnnAssign(a) => {
                        let Expr::Name(n) = a.target.as_ref() else {
                            self.error(
                                file,
                                a.target.range(),
                                "a field declaration names one field",
                            );
                            continue;
                        };
                        match self.resolve_type(module, &a.annotation) {
                            Ok(Type::None) => self.error(
                                file,
                                a.annotation.range(),
                                "a field cannot have type None",
                            ),
                            Ok(t) => match &a.value {
                                None => fields.push((n.id.to_string(), t)),
                                Some(v) => match literal_constant(v, &t) {
                                    Some(e) => {
                                        constants.insert(n.id.to_string(), e);
                                    }
                                    None => {
                                        self.classes[c].bad_members.insert(n.id.to_string());
                                        self.error(
                                            file,
                                            v.range(),
                                            "a class-level value must be a literal constant; \
                                             declare fields without a value and set them in __init__",
                                        )
                                    }
                                },
                            },
                            Err(e) => self.error(file, e.range, e.message),
                        }
                    }
                    Stmt::Assign(a) => {
                        let target = match a.targets.as_slice() {
                            [Expr::Name(n)] => n.id.to_string(),
                            _ => {
                                self.error(
                                    file,
                                    a.range,
                                    "a class-level assignment must assign one name",
                                );
                                continue;
                            }
                        };
                        let ty = match a.value.as_ref() {
                            Expr::NumberLiteral(n) if n.value.is_int() => Type::Int,
                            Expr::NumberLiteral(_) => Type::Float,
                            Expr::StringLiteral(_) => Type::Str,
                            Expr::BooleanLiteral(_) => Type::Bool,
                            Expr::UnaryOp(_) => Type::Int,
                            _ => Type::None,
                        };
                        match literal_constant(&a.value, &ty) {
                            Some(e) => {
                                constants.insert(target, e);
                            }
                            None => {
                                self.classes[c].bad_members.insert(target);
                                self.error(
                                    file,
                                    a.value.range(),
                                    "a class-level value must be a literal constant",
                                )
                            }
                        }
                    }
                    Stmt::FunctionDef(m) => {
                        for d in &m.decorator_list {
                            match self.class_decorator(module, &d.expression) {
                                Ok(ClassDecorator::Final) => {
                                    final_methods.insert(m.name.id.to_string());
                                }
                                _ => self.error(
                                    file,
                                    d.range,
                                    "a method may only be decorated with @final",
                                ),
                            }
                        }
                    }
                    Stmt::Pass(_) => {}
                    Stmt::Expr(e) if matches!(e.value.as_ref(), Expr::StringLiteral(_)) => {}
                    other => self.error(
                        file,
                        other.range(),
                        "a class body may only declare fields ('name: T'), constants and methods",
                    ),
                }
            }
            // Reading a constant through an instance (`self.KIND`) must see the
            // subclass's value, as in Python: each constant is also a synthesized
            // virtual method `$NAME` returning it, which subclasses override.
            let module_name = self.module(module).name.clone();
            let mut names: Vec<&String> = constants.keys().collect();
            names.sort();
            for name in names {
                let k = constants[name].clone();
                let fid =
                    self.constant_getter(cid, &module_name, &info.name, name, k, def.name.range);
                self.classes[c].methods.insert(format!("${name}"), fid);
            }
            let info = &mut self.classes[c];
            info.parent = parent;
            info.slack = slack;
            info.is_final = is_final;
            info.fields = fields;
            info.constants = constants;
            info.final_methods = final_methods;
        }
        self.check_hierarchy();
    }

    /// Cycles, final parents, redeclared fields and the size limits, in time
    /// linear in the number of classes and fields (hierarchies may be deep).
    fn check_hierarchy(&mut self) {
        let n = self.classes.len();
        // Depth in the hierarchy (1 for a root), by walking up to the nearest
        // class already known; a walk that meets itself is a cycle.
        const UNKNOWN: usize = 0;
        const WALKING: usize = usize::MAX;
        let mut depth = vec![UNKNOWN; n];
        for start in 0..n {
            let mut path = Vec::new();
            let mut cur = Some(start);
            let mut base_depth = 0;
            while let Some(c) = cur {
                match depth[c] {
                    UNKNOWN => {
                        depth[c] = WALKING;
                        path.push(c);
                        cur = self.classes[c].parent.map(|p| p.0 as usize);
                    }
                    WALKING => {
                        // `c` is on this walk: every class from it onwards is in the cycle.
                        let at = path.iter().position(|&x| x == c).unwrap_or(0);
                        for &member in &path[at..] {
                            self.refuse_class(
                                member,
                                format!(
                                    "class '{}' inherits from itself",
                                    self.classes[member].name
                                ),
                            );
                            self.classes[member].parent = None;
                            depth[member] = 1;
                        }
                        path.truncate(at);
                        base_depth = 1;
                        cur = None;
                    }
                    d => {
                        base_depth = d;
                        cur = None;
                    }
                }
            }
            for (k, &c) in path.iter().rev().enumerate() {
                depth[c] = base_depth + k + 1;
            }
        }
        // Field names declared by more than one class, to find redeclarations
        // without collecting every class's inherited fields.
        let mut declared_by: HashMap<&str, Vec<usize>> = HashMap::new();
        for (c, info) in self.classes.iter().enumerate() {
            for (f, _) in &info.fields {
                declared_by.entry(f.as_str()).or_default().push(c);
            }
        }
        let shared: Vec<(String, Vec<usize>)> = declared_by
            .into_iter()
            .filter(|(_, cs)| cs.len() > 1)
            .map(|(f, cs)| (f.to_string(), cs))
            .collect();
        let mut total_fields = vec![0usize; n];
        let mut order: Vec<usize> = (0..n).collect();
        order.sort_by_key(|&c| depth[c]);
        for &c in &order {
            let inherited = self.classes[c]
                .parent
                .map_or(0, |p| total_fields[p.0 as usize]);
            total_fields[c] = inherited + self.classes[c].fields.len();
        }
        for c in ExcKind::ALL.len()..n {
            if self.classes[c].module.is_none() {
                continue;
            }
            if let Some(p) = self.classes[c].parent
                && self.classes[p.0 as usize].is_final
            {
                let pname = self.classes[p.0 as usize].name.clone();
                self.refuse_class(c, format!("cannot subclass '{pname}': it is @final"));
            }
            if depth[c] > MAX_CLASS_DEPTH {
                self.refuse_class(
                    c,
                    format!(
                        "class hierarchy too deep: '{}' has more than {MAX_CLASS_DEPTH} levels \
                         of base classes",
                        self.classes[c].name
                    ),
                );
                // Laid out as a root from here on: the refused hierarchy costs
                // nothing more than its classes.
                self.classes[c].parent = None;
                continue;
            }
            if total_fields[c] > MAX_FIELDS {
                self.refuse_class(
                    c,
                    format!(
                        "too many fields: class '{}' has {} with its base classes' (at most \
                         {MAX_FIELDS})",
                        self.classes[c].name, total_fields[c]
                    ),
                );
            }
        }
        // A field may not redeclare an inherited one.
        for (f, classes) in shared {
            for &c in &classes {
                let mut cur = self.classes[c].parent;
                // Deeper hierarchies are refused above: the walk is bounded.
                let mut steps = 0;
                while let Some(p) = cur
                    && steps <= MAX_CLASS_DEPTH
                {
                    steps += 1;
                    if classes.contains(&(p.0 as usize)) {
                        self.refuse_class(
                            c,
                            format!("field '{f}' is already declared by a base class"),
                        );
                        break;
                    }
                    cur = self.classes[p.0 as usize].parent;
                }
            }
        }
    }

    /// Reports `message` at the name of user class `c`.
    fn refuse_class(&mut self, c: usize, message: String) {
        let info = &self.classes[c];
        let Some(module) = info.module else { return };
        let Some(file) = self.module(module).file else {
            return;
        };
        let Some(Stmt::ClassDef(def)) = self.module(module).body.get(info.stmt_index) else {
            return;
        };
        let range = def.name.range;
        self.error(file, range, message);
    }

    /// The synthesized method `$NAME` of class `cid` that returns constant `k`.
    fn constant_getter(
        &mut self,
        cid: ClassId,
        module_name: &str,
        class_name: &str,
        name: &str,
        k: Constant,
        at: TextRange,
    ) -> FuncId {
        let value = match k {
            Constant::Int(v) => tir::Expr::int(v),
            Constant::Float(v) => tir::Expr::new(ExprKind::Float(v), Type::Float),
            Constant::Bool(v) => tir::Expr::bool(v),
            Constant::Str(text) => {
                let id = self.intern(&text);
                tir::Expr::new(ExprKind::Str(id), Type::Str)
            }
        };
        self.synthesized_getter(cid, module_name, class_name, name, value, at)
    }

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
            symbol: super::mangle(super::ItemKind::Synthesized, &owner, name),
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
        self.func_sigs.push(Some(super::FuncSig {
            module,
            name: format!("{class_name}.{name}"),
            params: vec![super::Param {
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

    fn class_decorator(&self, module: ModId, e: &Expr) -> Result<ClassDecorator, String> {
        let scope = &self.module(module).scope;
        let seam_name = |e: &Expr| -> Option<SeamName> {
            match e {
                Expr::Name(n) => match scope.get(n.id.as_str()) {
                    Some(Binding::Seam(s)) => Some(*s),
                    _ => None,
                },
                Expr::Attribute(a) => match (a.value.as_ref(), a.attr.id.as_str()) {
                    (Expr::Name(m), "export")
                        if scope.get(m.id.as_str()) == Some(&Binding::SeamModule) =>
                    {
                        Some(SeamName::Export)
                    }
                    (Expr::Name(m), "final")
                        if scope.get(m.id.as_str()) == Some(&Binding::SeamModule) =>
                    {
                        Some(SeamName::Final)
                    }
                    _ => None,
                },
                _ => None,
            }
        };
        match e {
            Expr::Call(c) if seam_name(&c.func) == Some(SeamName::Export) => {
                if !c.arguments.args.is_empty() {
                    return Err("@export takes only the keyword argument slack=N".into());
                }
                let mut slack = None;
                for kw in &c.arguments.keywords {
                    match (kw.arg.as_ref().map(|a| a.id.as_str()), &kw.value) {
                        (Some("slack"), Expr::NumberLiteral(n)) => {
                            match n.value.as_int().and_then(|i| i.as_u64()) {
                                Some(v) if v <= 1 << 20 => slack = Some(v as u32),
                                _ => {
                                    return Err(
                                        "slack must be a whole number from 0 to 1048576".into()
                                    );
                                }
                            }
                        }
                        _ => return Err("@export takes only the keyword argument slack=N".into()),
                    }
                }
                Ok(ClassDecorator::Export(slack))
            }
            _ => match seam_name(e) {
                Some(SeamName::Export) => Ok(ClassDecorator::Export(None)),
                Some(SeamName::Final) => Ok(ClassDecorator::Final),
                _ => Err(
                    "unsupported decorator: only @export, @export(slack=N) and @final from seam"
                        .into(),
                ),
            },
        }
    }

    /// Numbers classes, lays out fields and builds vtables into `program.classes`.
    pub(super) fn build_classes(&mut self) {
        let n = self.classes.len();
        let mut children: Vec<Vec<ClassId>> = vec![Vec::new(); n];
        let mut roots = Vec::new();
        for (i, c) in self.classes.iter().enumerate() {
            match c.parent {
                Some(p) => children[p.0 as usize].push(ClassId(i as u32)),
                None => roots.push(ClassId(i as u32)),
            }
        }
        // Preorder numbering with an explicit stack (hierarchies may be deep).
        let mut ids = vec![(0u32, 0u32, 0u32); n];
        let mut order = Vec::new();
        let mut next = 1u32;
        let mut stack: Vec<(ClassId, bool)> = roots.iter().rev().map(|&r| (r, false)).collect();
        while let Some((c, done)) = stack.pop() {
            let i = c.0 as usize;
            // Class ids are 32-bit: every class and every class's slack takes its share.
            let add = if !done {
                1
            } else if self.classes[i].is_final {
                0
            } else {
                self.classes[i].slack
            };
            let Some(after) = next.checked_add(add) else {
                self.report_id_overflow(c);
                return;
            };
            if done {
                let slack_start = next;
                next = after;
                ids[i].1 = next;
                ids[i].2 = slack_start;
                continue;
            }
            ids[i].0 = next;
            next = after;
            order.push(c);
            stack.push((c, true));
            for &ch in children[i].iter().rev() {
                stack.push((ch, false));
            }
        }
        let mut classes: Vec<Option<tir::Class>> = vec![None; n];
        // A second translation takes the core's classes as they were laid out, and its
        // own classes' ids are the loader's to assign (see `ExtensionInfo::local_classes`).
        let prebuilt = self
            .interface
            .as_ref()
            .map(|i| i.prebuilt.clone())
            .unwrap_or_default();
        let extension = self.interface.is_some();
        for (c, class) in &prebuilt {
            classes[c.0 as usize] = Some(class.clone());
        }
        for c in order {
            let i = c.0 as usize;
            if classes[i].is_some() {
                continue;
            }
            if extension {
                ids[i] = (0, 0, 0);
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
                        super::mangle(super::ItemKind::Class, &mname, &info.name),
                    )
                }
                None => (
                    info.builtin
                        .map_or(info.name.as_str(), |k| k.qualified_name())
                        .to_string(),
                    super::mangle(super::ItemKind::Class, "builtins", &info.name),
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
                id: ids[i].0,
                id_max: ids[i].1,
                slack_start: ids[i].2,
                fields,
                size,
                vtable,
                is_exception,
                is_final: info.is_final,
                builtin: info.builtin,
            });
        }
        self.program.classes = classes
            .into_iter()
            .map(|c| c.expect("every class is numbered"))
            .collect();
    }

    /// An override must keep the overridden method's parameter and return types, and not override a final one.
    /// Class ids ran out at class `c`: the classes and their slack need more than 2^32 ids.
    fn report_id_overflow(&mut self, c: ClassId) {
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

    fn check_override(&mut self, class: ClassId, base: &tir::VtableEntry, func: FuncId) {
        let (Some(new), Some(old)) = (
            self.func_sigs[func.0 as usize].clone(),
            self.func_sigs[base.func.0 as usize].clone(),
        ) else {
            return;
        };
        let file = self.module(new.module).file.expect("file");
        let range = TextRange::new(new.def_start.into(), new.def_end.into());
        let base_owner = self.program.functions[base.func.0 as usize].name.clone();
        if base.is_final {
            self.error(
                file,
                range,
                format!("cannot override '{base_owner}': it is @final"),
            );
            return;
        }
        let same = new.ret == old.ret
            && new.params.len() == old.params.len()
            && new
                .params
                .iter()
                .zip(&old.params)
                .skip(1)
                .all(|(a, b)| a.ty == b.ty);
        let same_defaults = new
            .params
            .iter()
            .zip(&old.params)
            .all(|(a, b)| a.default.is_some() == b.default.is_some());
        if same && !same_defaults {
            self.error(
                file,
                range,
                format!(
                    "method '{}' overrides '{base_owner}' but gives default values to different parameters",
                    new.name
                ),
            );
        }
        if !same {
            self.error(
                file,
                range,
                format!(
                    "method '{}' of class '{}' overrides '{base_owner}' with a different signature \
                     (an override must have the same parameter and return types)",
                    new.name,
                    self.class(class).name
                ),
            );
        }
    }

    pub(crate) fn is_subclass(&self, sub: ClassId, base: ClassId) -> bool {
        let mut cur = Some(sub);
        while let Some(c) = cur {
            if c == base {
                return true;
            }
            cur = self.class(c).parent;
        }
        false
    }

    /// The nearest common base class of two classes, if they have one.
    pub(crate) fn common_base(&self, a: ClassId, b: ClassId) -> Option<ClassId> {
        let mut cur = Some(a);
        while let Some(c) = cur {
            if self.is_subclass(b, c) {
                return Some(c);
            }
            cur = self.class(c).parent;
        }
        None
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

    /// A class constant, looked up through the ancestors.
    pub(super) fn find_constant(&self, c: ClassId, name: &str) -> Option<Constant> {
        let mut cur = Some(c);
        while let Some(k) = cur {
            if let Some(e) = self.class(k).constants.get(name) {
                return Some(e.clone());
            }
            cur = self.class(k).parent;
        }
        None
    }

    /// Whether `name` was refused as a member of `c` or of an ancestor (already reported).
    pub(super) fn is_bad_member(&self, c: ClassId, name: &str) -> bool {
        let mut cur = Some(c);
        while let Some(k) = cur {
            if self.class(k).bad_members.contains(name) {
                return true;
            }
            cur = self.class(k).parent;
        }
        false
    }

    /// How instances of `c` are initialised: the nearest `__init__`.
    pub(super) fn find_init(&self, c: ClassId) -> Init {
        let mut cur = Some(c);
        while let Some(k) = cur {
            let info = self.class(k);
            if let Some(&f) = info.methods.get("__init__") {
                return Init::User(f);
            }
            if let Some(kind) = info.builtin {
                // KeyError's str() is the repr of its argument.
                let key_error = self.is_subclass(c, ClassId(ExcKind::KeyError as u32))
                    && kind == ExcKind::KeyError;
                return Init::Exception { key_error };
            }
            cur = info.parent;
        }
        Init::Object
    }
}

/// Puts `func` in the slot named `name` (an override) or in a new slot.
fn place_in_vtable(vtable: &mut Vec<tir::VtableEntry>, name: &str, func: FuncId, is_final: bool) {
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

enum ClassDecorator {
    Export(Option<u32>),
    Final,
}

/// A class-level constant.
#[derive(Clone, Debug)]
pub(crate) enum Constant {
    Int(i64),
    Float(f64),
    Bool(bool),
    Str(String),
}

/// A literal class constant of type `ty`.
fn literal_constant(e: &Expr, ty: &Type) -> Option<Constant> {
    match (e, ty) {
        (Expr::NumberLiteral(n), Type::Int) => {
            n.value.as_int().and_then(|i| i.as_i64()).map(Constant::Int)
        }
        (Expr::NumberLiteral(n), Type::Float) => match n.value {
            ast::Number::Float(f) => Some(Constant::Float(f)),
            _ => None,
        },
        (Expr::UnaryOp(u), Type::Int) if u.op == ast::UnaryOp::USub => match u.operand.as_ref() {
            Expr::NumberLiteral(n) => n
                .value
                .as_int()
                .and_then(|i| i.as_i64())
                .map(|v| Constant::Int(-v)),
            _ => None,
        },
        (Expr::BooleanLiteral(b), Type::Bool) => Some(Constant::Bool(b.value)),
        (Expr::StringLiteral(s), Type::Str) => Some(Constant::Str(s.value.to_str().to_string())),
        _ => None,
    }
}

impl Checker<'_, '_> {
    /// A class constant as an expression.
    fn class_constant(&mut self, k: Constant) -> tir::Expr {
        match k {
            Constant::Int(v) => tir::Expr::int(v),
            Constant::Float(v) => tir::Expr::new(ExprKind::Float(v), Type::Float),
            Constant::Bool(v) => tir::Expr::bool(v),
            Constant::Str(text) => {
                let id = self.cx.intern(&text);
                tir::Expr::new(ExprKind::Str(id), Type::Str)
            }
        }
    }

    /// `C(args)`: allocate, then run the nearest `__init__`.
    pub(super) fn construct(&mut self, c: ClassId, call: &ast::ExprCall) -> R<tir::Expr> {
        if c == ClassId(ExcKind::SystemExit as u32)
            && (!call.arguments.args.is_empty() || !call.arguments.keywords.is_empty())
        {
            // Its argument is the exit status or a message to print: only sys.exit makes one
            // with an argument (`SystemExit()` has none: status 0, as in CPython).
            return Err(self.error(
                call.range(),
                "SystemExit(...) with an argument is not supported: call sys.exit(status)",
            ));
        }
        let ty = Type::Instance(c);
        let new = tir::Expr::new(ExprKind::New(c), ty.clone());
        let (s, obj) = self.bind_temp(new);
        let init = self.init_call(c, obj.clone(), call, &self.cx.class(c).name.clone())?;
        let mut stmts = vec![s];
        stmts.extend(init);
        Ok(tir::Expr::new(ExprKind::Block(stmts, Box::new(obj)), ty))
    }

    /// The statements that initialise `obj` as class `c` would, with the call's arguments.
    fn init_call(
        &mut self,
        c: ClassId,
        obj: tir::Expr,
        call: &ast::ExprCall,
        what: &str,
    ) -> R<Vec<tir::Stmt>> {
        match self.cx.find_init(c) {
            Init::User(f) if self.cx.program.classes[c.0 as usize].is_exception => {
                self.exception_user_init(f, obj, call)
            }
            Init::User(f) => {
                let e = self.user_call_with_self(f, obj, call)?;
                Ok(vec![tir::Stmt::Expr(e)])
            }
            Init::Exception { key_error } => {
                if !call.arguments.keywords.is_empty() {
                    return Err(
                        self.error(call.range(), "exception classes take no keyword arguments")
                    );
                }
                let msg = match &call.arguments.args[..] {
                    [] => {
                        let id = self.cx.intern("");
                        tir::Expr::new(ExprKind::Str(id), Type::Str)
                    }
                    [m] => {
                        let m = self.expr_as(m, &Type::Str)?;
                        if key_error {
                            tir::Expr::rt(
                                Rt::ReprOf,
                                vec![m, tir::Expr::type_code(Type::Str)],
                                Type::Str,
                            )
                        } else {
                            m
                        }
                    }
                    _ => {
                        return Err(
                            self.error(call.range(), "exception classes take one message argument")
                        );
                    }
                };
                Ok(vec![tir::Stmt::StoreField {
                    base: obj,
                    offset: layout::EXC_MESSAGE,
                    value: msg,
                }])
            }
            Init::Object => {
                if !call.arguments.args.is_empty() || !call.arguments.keywords.is_empty() {
                    return Err(self.error(
                        call.range(),
                        format!("{what}() takes no arguments (it has no __init__)"),
                    ));
                }
                Ok(Vec::new())
            }
        }
    }

    /// An exception class's own `__init__`: as CPython's `BaseException.__new__` does,
    /// the positional arguments of the call are kept as the exception's `args` (from
    /// which `str(e)` comes unless `__init__` passes a message to `super().__init__`),
    /// whatever `__init__` does with them. Each argument is evaluated once.
    fn exception_user_init(
        &mut self,
        f: FuncId,
        obj: tir::Expr,
        call: &ast::ExprCall,
    ) -> R<Vec<tir::Stmt>> {
        let Some(sig) = self.cx.func_sigs[f.0 as usize].clone() else {
            return Err(Reported);
        };
        let (hoisted, all) = self.bind_method_args(&sig, call, obj.clone())?;
        let args: Vec<tir::Expr> = all.into_iter().skip(1).collect();
        let positional = call.arguments.args.len().min(args.len());
        let mut stmts = hoisted;
        let mut temps = Vec::new();
        for a in args {
            let (s, t) = self.bind_temp(a);
            stmts.push(s);
            temps.push(t);
        }
        if positional > 0 {
            let elems: Vec<tir::Expr> = temps[..positional].to_vec();
            let ty = Type::Tuple(elems.iter().map(|e| e.ty.clone()).collect());
            let (Some(args_field), Some(code_field)) = (
                self.cx.find_field(c_of(&obj), ARGS_FIELD),
                self.cx.find_field(c_of(&obj), ARGS_CODE_FIELD),
            ) else {
                return Err(Reported);
            };
            stmts.push(tir::Stmt::StoreField {
                base: obj.clone(),
                offset: code_field.offset,
                value: tir::Expr::type_code(ty.clone()),
            });
            stmts.push(tir::Stmt::StoreField {
                base: obj.clone(),
                offset: args_field.offset,
                value: tir::Expr::new(ExprKind::Tuple(elems), ty),
            });
        }
        let mut all = vec![obj];
        all.extend(temps);
        stmts.push(tir::Stmt::Expr(tir::Expr::new(
            ExprKind::Call(f, all),
            sig.ret.clone(),
        )));
        Ok(stmts)
    }

    /// Calls method `f` with `self` bound to `obj` and the call's own arguments.
    fn user_call_with_self(
        &mut self,
        f: FuncId,
        obj: tir::Expr,
        call: &ast::ExprCall,
    ) -> R<tir::Expr> {
        let Some(sig) = self.cx.func_sigs[f.0 as usize].clone() else {
            return Err(Reported);
        };
        let (hoisted, all) = self.bind_method_args(&sig, call, obj)?;
        let call = tir::Expr::new(ExprKind::Call(f, all), sig.ret.clone());
        Ok(super::order::after(hoisted, call))
    }

    /// Checks a call's arguments against a method's parameters after `self`;
    /// returns the statements that evaluate them in source order, when they
    /// must be hoisted, and the arguments, `recv` first.
    fn bind_method_args(
        &mut self,
        sig: &super::FuncSig,
        call: &ast::ExprCall,
        mut recv: tir::Expr,
    ) -> R<(Vec<tir::Stmt>, Vec<tir::Expr>)> {
        let params = &sig.params[1.min(sig.params.len())..];
        let slots: Vec<(&str, bool)> = params
            .iter()
            .map(|p| (p.name.as_str(), p.default.is_none()))
            .collect();
        let bound = self.bind_slots(call, &sig.name, &slots)?;
        let mut args = Vec::new();
        for (p, a) in params.iter().zip(&bound) {
            args.push(match a {
                Some(e) => self.expr_as(e, &p.ty)?,
                None => p.default.clone().expect("missing arguments have defaults"),
            });
        }
        let hoisted = self.args_in_source_order(&bound, &mut args, Some(&mut recv));
        let mut all = vec![recv];
        all.extend(args);
        Ok((hoisted, all))
    }

    /// `obj.m(args)` on an instance of class `c`.
    pub(super) fn instance_method_call(
        &mut self,
        obj: tir::Expr,
        c: ClassId,
        a: &ast::ExprAttribute,
        call: &ast::ExprCall,
    ) -> R<tir::Expr> {
        let name = a.attr.id.as_str();
        if self.cx.is_bad_member(c, name) {
            return Err(Reported);
        }
        let Some((slot, entry)) = self.cx.find_method(c, name) else {
            let cname = self.cx.class(c).name.clone();
            return Err(self.error(
                a.attr.range,
                format!("class '{cname}' has no method '{name}'"),
            ));
        };
        if name == "__hash__" && self.cx.is_unhashable_hash(entry.func) {
            let cname = self.cx.class(c).name.clone();
            return Err(self.error(
                a.attr.range,
                format!(
                    "'{cname}.__hash__' is None: the class defines __eq__ without __hash__ (calling it would raise TypeError)"
                ),
            ));
        }
        let Some(sig) = self.cx.func_sigs[entry.func.0 as usize].clone() else {
            return Err(Reported);
        };
        // Only @final methods and @final classes are devirtualised: extensions may override the rest.
        let devirtualise = entry.is_final || self.cx.class(c).is_final;
        let params = &sig.params[1.min(sig.params.len())..];
        let slots: Vec<(&str, bool)> = params
            .iter()
            .map(|p| (p.name.as_str(), p.default.is_none()))
            .collect();
        let bound = self.bind_slots(call, &sig.name, &slots)?;
        let omits = bound.iter().any(Option::is_none);
        let mut stmts = Vec::new();
        let obj = if omits && !devirtualise {
            let (s, t) = self.bind_temp(obj);
            stmts.push(s);
            t
        } else {
            obj
        };
        let mut args = Vec::new();
        for (i, (p, a)) in params.iter().zip(&bound).enumerate() {
            args.push(match a {
                Some(e) => self.expr_as(e, &p.ty)?,
                None if devirtualise => p.default.clone().expect("missing arguments have defaults"),
                None => {
                    // The exports file's consistency check guarantees the slot for
                    // imported classes; the front end synthesizes it for its own.
                    let Some((dslot, dentry)) =
                        self.cx.find_method(c, &default_getter_name(name, i + 1))
                    else {
                        return Err(self.error(
                            call.range(),
                            format!("internal error: no default getter for {name}; this is a bug"),
                        ));
                    };
                    tir::Expr::new(
                        ExprKind::VirtualCall {
                            slot: dslot,
                            func: dentry.func,
                            args: vec![obj.clone()],
                        },
                        p.ty.clone(),
                    )
                }
            });
        }
        let mut recv = obj;
        stmts.extend(self.args_in_source_order(&bound, &mut args, Some(&mut recv)));
        let mut all = vec![recv];
        all.extend(args);
        let kind = if devirtualise {
            ExprKind::Call(entry.func, all)
        } else {
            ExprKind::VirtualCall {
                slot,
                func: entry.func,
                args: all,
            }
        };
        let call = tir::Expr::new(kind, sig.ret.clone());
        if stmts.is_empty() {
            return Ok(call);
        }
        Ok(tir::Expr::new(
            ExprKind::Block(stmts, Box::new(call)),
            sig.ret.clone(),
        ))
    }

    /// `C.m(self, args)`: a non-virtual call of `C`'s implementation (or `C.__init__(self, ...)`).
    pub(super) fn class_method_call(
        &mut self,
        c: ClassId,
        a: &ast::ExprAttribute,
        call: &ast::ExprCall,
    ) -> R<tir::Expr> {
        let name = a.attr.id.as_str();
        if self.cx.is_bad_member(c, name) {
            return Err(Reported);
        }
        let cname = self.cx.class(c).name.clone();
        let Some(first) = call.arguments.args.first() else {
            return Err(self.error(
                call.range(),
                format!("'{cname}.{name}(...)' needs the instance as its first argument"),
            ));
        };
        let recv = self.expr_as(first, &Type::Instance(c))?;
        self.direct_method_call(c, recv, a, &strip_first_arg(call))
    }

    /// A non-virtual call of class `c`'s method `a.attr` (or its `__init__`) on `recv`,
    /// with the call's arguments: `C.m(self, ...)` and `super().m(...)`.
    fn direct_method_call(
        &mut self,
        c: ClassId,
        recv: tir::Expr,
        a: &ast::ExprAttribute,
        call: &ast::ExprCall,
    ) -> R<tir::Expr> {
        let name = a.attr.id.as_str();
        let cname = self.cx.class(c).name.clone();
        if name == "__init__" {
            let stmts = self.init_call(c, recv, call, &cname)?;
            return Ok(tir::Expr::new(
                ExprKind::Block(stmts, Box::new(tir::Expr::none())),
                Type::None,
            ));
        }
        let Some((_, entry)) = self.cx.find_method(c, name) else {
            return Err(self.error(
                a.attr.range,
                format!("class '{cname}' has no method '{name}'"),
            ));
        };
        let Some(sig) = self.cx.func_sigs[entry.func.0 as usize].clone() else {
            return Err(Reported);
        };
        let (hoisted, all) = self.bind_method_args(&sig, call, recv)?;
        let call = tir::Expr::new(ExprKind::Call(entry.func, all), sig.ret.clone());
        Ok(super::order::after(hoisted, call))
    }

    /// `super().m(args)` inside a method of class `self.class`.
    pub(super) fn super_call(
        &mut self,
        a: &ast::ExprAttribute,
        call: &ast::ExprCall,
    ) -> R<tir::Expr> {
        let Some((class, self_local)) = self.method_of else {
            return Err(self.error(a.range, "super() is only allowed inside a method"));
        };
        let Some(parent) = self.cx.class(class).parent else {
            return Err(self.error(a.range, "super(): this class has no base class"));
        };
        let obj = tir::Expr::local(self_local, Type::Instance(parent));
        self.direct_method_call(parent, obj, a, call)
    }

    /// `obj.name` on an instance: a field load or a class constant.
    pub(super) fn instance_attr(
        &mut self,
        obj: tir::Expr,
        c: ClassId,
        attr: &ast::Identifier,
    ) -> R<tir::Expr> {
        let name = attr.id.as_str();
        if self.cx.is_bad_member(c, name) {
            return Err(Reported);
        }
        if let Some(f) = self.cx.find_field(c, name) {
            return Ok(tir::Expr::field(obj, f.offset, f.ty));
        }
        if let Some((slot, entry)) = self.cx.find_method(c, &format!("${name}")) {
            let ty = self.cx.program.functions[entry.func.0 as usize].ret.clone();
            let kind = if self.cx.class(c).is_final {
                ExprKind::Call(entry.func, vec![obj])
            } else {
                ExprKind::VirtualCall {
                    slot,
                    func: entry.func,
                    args: vec![obj],
                }
            };
            return Ok(tir::Expr::new(kind, ty));
        }
        let cname = self.cx.class(c).name.clone();
        if self.cx.find_method(c, name).is_some() {
            return Err(self.error(
                attr.range,
                format!("method '{cname}.{name}' is not a value: call it"),
            ));
        }
        if self.cx.program.classes[c.0 as usize].is_exception && name == "args" {
            return Err(self.error(
                attr.range,
                "'args' of an exception is not supported: its elements have no one static type (use str(e), or declare fields in the exception class)",
            ));
        }
        Err(self.error(
            attr.range,
            format!(
                "class '{cname}' has no field '{name}' (declare it in the class body: '{name}: T')"
            ),
        ))
    }

    /// `C.NAME` for a class constant.
    pub(super) fn class_attr(&mut self, c: ClassId, attr: &ast::Identifier) -> R<tir::Expr> {
        let name = attr.id.as_str();
        if self.cx.is_bad_member(c, name) {
            return Err(Reported);
        }
        match self.cx.find_constant(c, name) {
            Some(k) => Ok(self.class_constant(k)),
            None if self.cx.find_method(c, name).is_some() => {
                let cname = self.cx.class(c).name.clone();
                Err(self.error(
                    attr.range,
                    format!(
                        "method '{cname}.{name}' is not a value through its class: \
                         bind it to an instance ('obj.{name}'), or call it"
                    ),
                ))
            }
            None => {
                let cname = self.cx.class(c).name.clone();
                Err(self.error(
                    attr.range,
                    format!("class '{cname}' has no constant '{name}'"),
                ))
            }
        }
    }

    /// `obj.name = v` on an instance.
    pub(super) fn store_attr(
        &mut self,
        obj: tir::Expr,
        c: ClassId,
        attr: &ast::Identifier,
        v: tir::Expr,
    ) -> R<tir::Stmt> {
        let name = attr.id.as_str();
        let Some(f) = self.cx.find_field(c, name) else {
            let cname = self.cx.class(c).name.clone();
            return Err(self.error(
                attr.range,
                format!("class '{cname}' has no field '{name}' (declare it in the class body: '{name}: T')"),
            ));
        };
        let v = self.coerce(v, &f.ty, attr.range)?;
        // Whatever was known about paths through this attribute no longer holds.
        self.flow.forget_attr(name);
        Ok(tir::Stmt::StoreField {
            base: obj,
            offset: f.offset,
            value: v,
        })
    }

    /// `isinstance(x, C)` or `isinstance(x, (A, B))`: the test and the class to narrow to.
    pub(super) fn isinstance(&mut self, call: &ast::ExprCall) -> R<(tir::Expr, Option<ClassId>)> {
        let args = &call.arguments.args;
        if args.len() != 2 || !call.arguments.keywords.is_empty() {
            return Err(self.error(
                call.range(),
                "isinstance() takes two arguments: a value and a class",
            ));
        }
        let v = self.expr(&args[0], None)?;
        // Relatedness is judged on the declared type: a narrowed local may still be tested.
        let declared = self
            .narrow_key(&args[0])
            .and_then(|k| self.declared_type_of(&k));
        let declared_class = match declared {
            Some(Type::Instance(c)) => Some(c),
            Some(Type::Optional(inner)) => match *inner {
                Type::Instance(c) => Some(c),
                _ => None,
            },
            _ => None,
        };
        let (vclass, optional) = match &v.ty {
            Type::Instance(c) => (Some(*c), false),
            // An `object` may be any instance (or None): every class is related.
            Type::Object => (None, true),
            Type::Optional(inner) => match inner.as_ref() {
                Type::Instance(c) => (Some(*c), true),
                _ => return Err(self.error(args[0].range(), "isinstance() needs a class instance")),
            },
            other => {
                let t = type_name(other);
                return Err(self.error(
                    args[0].range(),
                    format!("isinstance() needs a class instance, not {t}"),
                ));
            }
        };
        let targets: Vec<&Expr> = match &args[1] {
            Expr::Tuple(t) => t.elts.iter().collect(),
            other => vec![other],
        };
        let mut classes = Vec::new();
        for t in targets {
            let Some(c) = self.cx.class_named(self.module, t) else {
                return Err(self.error(
                    t.range(),
                    "isinstance() needs a class (or a tuple of classes) here",
                ));
            };
            let related = |k: ClassId| self.cx.is_subclass(c, k) || self.cx.is_subclass(k, c);
            if let Some(vclass) = vclass
                && !related(vclass)
                && !declared_class.is_some_and(related)
            {
                let (a, b) = (
                    self.cx.class(vclass).name.clone(),
                    self.cx.class(c).name.clone(),
                );
                return Err(self.error(
                    t.range(),
                    format!(
                        "isinstance() test against unrelated class: a '{a}' can never be a '{b}'"
                    ),
                ));
            }
            classes.push(c);
        }
        let (s, x) = self.bind_temp(tir::Expr::new(
            v.kind,
            vclass.map_or(Type::Object, Type::Instance),
        ));
        let mut test: Option<tir::Expr> = None;
        for &c in &classes {
            let one = if vclass.is_some_and(|v| self.cx.is_subclass(v, c)) {
                tir::Expr::bool(true)
            } else {
                tir::Expr::new(
                    ExprKind::IsInstance {
                        value: Box::new(x.clone()),
                        class: c,
                    },
                    Type::Bool,
                )
            };
            test = Some(match test {
                None => one,
                Some(t) => tir::Expr::new(ExprKind::Or(Box::new(t), Box::new(one)), Type::Bool),
            });
        }
        let mut test = test.expect("at least one class");
        if optional {
            let not_null = tir::Expr::unary(
                tir::UnaryOp::BoolNot,
                tir::Expr::unary(tir::UnaryOp::IsNull, x.clone(), Type::Bool),
                Type::Bool,
            );
            test = tir::Expr::new(
                ExprKind::And(Box::new(not_null), Box::new(test)),
                Type::Bool,
            );
        }
        let narrow = if classes.len() == 1 {
            Some(classes[0])
        } else {
            None
        };
        Ok((
            tir::Expr::new(ExprKind::Block(vec![s], Box::new(test)), Type::Bool),
            narrow,
        ))
    }
}

/// The class of an instance-typed expression.
fn c_of(e: &tir::Expr) -> ClassId {
    match e.ty {
        Type::Instance(c) => c,
        _ => ClassId(ExcKind::Exception as u32),
    }
}

/// The same call without its first positional argument (`C.m(self, ...)`).
fn strip_first_arg(call: &ast::ExprCall) -> ast::ExprCall {
    let mut c = call.clone();
    let rest: Vec<Expr> = c.arguments.args.iter().skip(1).cloned().collect();
    c.arguments.args = rest.into_boxed_slice();
    c
}
