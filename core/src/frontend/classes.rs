//! Class declarations: the builtin exception classes, each user class's
//! parent, decorators (`@export`, `@export(slack=N)`, `@final`), fields,
//! constants and methods, the checks on the hierarchy (cycles, final parents,
//! redeclared fields, the size limits) and on overrides, and the queries over
//! the hierarchy (subclassing, constants, initialisers).
//!
//! It decides nothing about the ABI: ids, layouts and vtable slots are made
//! from these declarations by the class plan (`classplan.rs`).

use seam_abi::symbols::{ItemKind, mangle};
use std::collections::{HashMap, HashSet};

use ruff_python_ast::{self as ast, Expr, Stmt};
use ruff_text_size::{Ranged, TextRange};

use super::classplan::DEFAULT_SLACK;
use super::context::Context;
use super::defs::{Binding, ClassInfo, Constant, ModId, SeamName};
use crate::diag::FileId;
use crate::rt::ExcKind;
use crate::tir::{self, ClassId, ExprKind, FuncId, Type};

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
pub(super) fn args_field_type() -> Type {
    Type::Optional(Box::new(Type::Tuple(vec![Type::Int])))
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
                    symbol: mangle(ItemKind::Method, &owner, &mname),
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
            // Decorators. An extension's class takes its block of ids from its
            // parent's slack: what it reserves by default is the second translation's rule.
            let mut slack = self.rules.map_or(DEFAULT_SLACK, |r| r.default_slack());
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

    /// An override must keep the overridden method's parameter and return types, and not override a final one.
    pub(super) fn check_override(&mut self, class: ClassId, base: &tir::VtableEntry, func: FuncId) {
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

enum ClassDecorator {
    Export(Option<u32>),
    Final,
}

/// A literal class constant of type `ty`.
pub(super) fn literal_constant(e: &Expr, ty: &Type) -> Option<Constant> {
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
