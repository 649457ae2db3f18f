//! A readable, deterministic text form of a [`tir::Program`], for snapshot tests
//! (`core/tests/frontend.rs`) and for reading what the front end made of a program.
//!
//! ```text
//!   tir::Program ──print──▶ pseudo-Python text (classes, globals, functions, exports)
//! ```
//!
//! The text is for people and diffs, not for a parser: nothing reads it back.
//! Functions print as indented pseudo-Python with every name resolved (functions,
//! globals and classes by their qualified names, locals by name), classes with
//! the ABI the front end planned for them (id, range, slack, fields with their
//! offsets, vtable slots with their implementations). Operators that differ from
//! Python's are marked: `+` `-` `*` on ints are the checked operations (Python's
//! meaning, `OverflowError` when the result does not fit), `+%` `-%` `*%` `-%x`
//! wrap modulo 2**64, `+|` saturates, and float operators carry a dot (`+.`,
//! `<.`). Expressions whose type the reader cannot see from their operator or
//! callee carry it after a colon: runtime calls, field loads, indirect calls,
//! `None` of an optional type, blocks and conditional expressions.
//!
//! It depends on the TIR's types only, never on the front end: whatever the
//! front end produces, this prints; the same function serves a second
//! translation's program.

use std::collections::HashMap;
use std::fmt::Write as _;

use crate::tir::{
    BinaryOp, Class, ClassId, Expr, ExprKind, FuncId, Function, GlobalId, LocalId, Program, Stmt,
    Type, UnaryOp,
};

/// What to print besides the program's own items.
#[derive(Clone, Copy, Debug, Default)]
pub struct PrintConfig {
    /// Print every builtin exception class in full. Otherwise only those a
    /// program's class derives from are printed, and the others are counted.
    pub all_builtin_classes: bool,
}

/// The whole program as text, with the default [`PrintConfig`].
pub fn print(program: &Program) -> String {
    print_with(program, PrintConfig::default())
}

/// The whole program as text.
pub fn print_with(program: &Program, config: PrintConfig) -> String {
    let mut p = Printer {
        program,
        out: String::new(),
        func_names: unique_names(program.functions.iter().map(|f| f.name.as_str())),
        locals: Vec::new(),
    };
    p.program_text(config);
    p.out
}

/// The type as Seam Python writes it (classes by their qualified names).
pub fn type_name(program: &Program, ty: &Type) -> String {
    let mut out = String::new();
    write_type(program, ty, &mut out);
    out
}

/// Names that say which item they are: an item's own name, or, when several
/// items share it, the name followed by `~` and the item's index.
fn unique_names<'p>(names: impl Iterator<Item = &'p str>) -> Vec<String> {
    let names: Vec<&str> = names.collect();
    let mut count: HashMap<&str, usize> = HashMap::new();
    for n in &names {
        *count.entry(n).or_default() += 1;
    }
    names
        .iter()
        .enumerate()
        .map(|(i, n)| {
            if count[n] == 1 && !n.is_empty() {
                (*n).to_string()
            } else {
                format!("{n}~{i}")
            }
        })
        .collect()
}

fn write_type(program: &Program, ty: &Type, out: &mut String) {
    let list = |out: &mut String, items: &[&Type]| {
        for (i, t) in items.iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            write_type(program, t, out);
        }
    };
    match ty {
        Type::Int => out.push_str("int"),
        Type::Float => out.push_str("float"),
        Type::Bool => out.push_str("bool"),
        Type::Str => out.push_str("str"),
        Type::None => out.push_str("None"),
        Type::List(t) => {
            out.push_str("list[");
            write_type(program, t, out);
            out.push(']');
        }
        Type::Dict(k, v) => {
            out.push_str("dict[");
            list(out, &[k, v]);
            out.push(']');
        }
        Type::Tuple(ts) if ts.is_empty() => out.push_str("tuple[()]"),
        Type::Tuple(ts) => {
            out.push_str("tuple[");
            list(out, &ts.iter().collect::<Vec<_>>());
            out.push(']');
        }
        Type::VarTuple(t) => {
            out.push_str("tuple[");
            write_type(program, t, out);
            out.push_str(", ...]");
        }
        Type::Optional(t) => {
            write_type(program, t, out);
            out.push_str(" | None");
        }
        Type::Set(t) => {
            out.push_str("set[");
            write_type(program, t, out);
            out.push(']');
        }
        Type::DictKeys(t) => {
            out.push_str("dict_keys[");
            write_type(program, t, out);
            out.push(']');
        }
        Type::DictValues(t) => {
            out.push_str("dict_values[");
            write_type(program, t, out);
            out.push(']');
        }
        Type::DictItems(k, v) => {
            out.push_str("dict_items[");
            list(out, &[k, v]);
            out.push(']');
        }
        Type::Instance(c) => out.push_str(&class_name(program, *c)),
        Type::Callable(params, ret) => {
            out.push_str("Callable[[");
            list(out, &params.iter().collect::<Vec<_>>());
            out.push_str("], ");
            write_type(program, ret, out);
            out.push(']');
        }
        Type::File => out.push_str("TextIO"),
        Type::Object => out.push_str("object"),
    }
}

fn class_name(program: &Program, c: ClassId) -> String {
    match program.classes.get(c.0 as usize) {
        Some(class) => class.name.clone(),
        None => format!("<class {}>", c.0),
    }
}

/// A string literal as Python's `repr` writes it (single quotes unless the text
/// holds one and no double quote; control characters escaped).
fn str_repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::new();
    out.push(quote);
    for ch in s.chars() {
        match ch {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                let _ = write!(out, "\\x{:02x}", c as u32);
            }
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push(quote);
    out
}

/// How a float literal prints: Rust's shortest round-trip digits, with Python's names
/// for the special values.
fn float_text(v: f64) -> String {
    if v.is_nan() {
        "nan".to_string()
    } else if v.is_infinite() {
        if v > 0.0 { "inf" } else { "-inf" }.to_string()
    } else {
        format!("{v:?}")
    }
}

fn binary_op(op: BinaryOp) -> &'static str {
    match op {
        BinaryOp::IntAdd => "+%",
        BinaryOp::IntSub => "-%",
        BinaryOp::IntMul => "*%",
        BinaryOp::IntAddChecked => "+",
        BinaryOp::IntSubChecked => "-",
        BinaryOp::IntMulChecked => "*",
        BinaryOp::IntAddSaturating => "+|",
        BinaryOp::IntAnd => "&",
        BinaryOp::IntOr => "|",
        BinaryOp::IntXor => "^",
        BinaryOp::IntShr => ">>",
        BinaryOp::IntFloorDivConst => "//",
        BinaryOp::IntModConst => "%",
        BinaryOp::IntEq | BinaryOp::BoolEq => "==",
        BinaryOp::IntNe | BinaryOp::BoolNe => "!=",
        BinaryOp::IntLt => "<",
        BinaryOp::IntLe => "<=",
        BinaryOp::IntGt => ">",
        BinaryOp::IntGe => ">=",
        BinaryOp::FloatAdd => "+.",
        BinaryOp::FloatSub => "-.",
        BinaryOp::FloatMul => "*.",
        BinaryOp::FloatEq => "==.",
        BinaryOp::FloatNe => "!=.",
        BinaryOp::FloatLt => "<.",
        BinaryOp::FloatLe => "<=.",
        BinaryOp::FloatGt => ">.",
        BinaryOp::FloatGe => ">=.",
        BinaryOp::RefEq => "is",
        BinaryOp::RefNe => "is not",
    }
}

struct Printer<'p> {
    program: &'p Program,
    out: String,
    /// Each function's printed name (see [`unique_names`]).
    func_names: Vec<String>,
    /// The printed names of the current function's locals.
    locals: Vec<String>,
}

impl Printer<'_> {
    fn program_text(&mut self, config: PrintConfig) {
        self.classes(config);
        self.globals();
        self.entry_points();
        self.exports();
        if let Some(ext) = &self.program.extension {
            let _ = writeln!(self.out, "extension {}", ext.name);
            let _ = writeln!(
                self.out,
                "    init_module {}, space {}",
                self.func(ext.init_module),
                class_name(self.program, ext.space_class)
            );
            let names = |ids: &[ClassId]| -> String {
                ids.iter()
                    .map(|c| class_name(self.program, *c))
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            let funcs: Vec<String> = ext
                .imported_functions
                .iter()
                .map(|f| self.func(*f))
                .collect();
            let globals: Vec<String> = ext
                .imported_globals
                .iter()
                .map(|g| self.global(*g))
                .collect();
            for (what, names) in [
                ("imported classes", names(&ext.imported_classes)),
                ("local classes", names(&ext.local_classes)),
                ("imported functions", funcs.join(", ")),
                ("imported globals", globals.join(", ")),
            ] {
                if !names.is_empty() {
                    let _ = writeln!(self.out, "    {what}: {names}");
                }
            }
            self.out.push('\n');
        }
        for i in 0..self.program.functions.len() {
            self.function(FuncId(i as u32));
        }
    }

    fn classes(&mut self, config: PrintConfig) {
        let program = self.program;
        // The builtin classes a program class derives from, which its range nests in.
        let mut ancestors = vec![false; program.classes.len()];
        for class in program.classes.iter().filter(|c| c.builtin.is_none()) {
            let mut parent = class.parent;
            while let Some(p) = parent {
                let Some(pc) = program.classes.get(p.0 as usize) else {
                    break;
                };
                ancestors[p.0 as usize] = true;
                parent = pc.parent;
            }
        }
        let mut hidden = 0;
        for (i, class) in program.classes.iter().enumerate() {
            if class.builtin.is_some() && !config.all_builtin_classes && !ancestors[i] {
                hidden += 1;
                continue;
            }
            self.class(ClassId(i as u32), class);
        }
        if hidden > 0 {
            let _ = writeln!(self.out, "# {hidden} builtin exception classes not shown\n");
        }
    }

    fn class(&mut self, id: ClassId, class: &Class) {
        let program = self.program;
        let _ = write!(self.out, "class {}", class.name);
        if let Some(parent) = class.parent {
            let _ = write!(self.out, "({})", class_name(program, parent));
        }
        let _ = writeln!(self.out, ":  # class {}, symbol {}", id.0, class.symbol);
        let mut flags = Vec::new();
        if let Some(kind) = class.builtin {
            flags.push(format!("builtin {}", kind.name()));
        }
        if class.is_exception {
            flags.push("exception".to_string());
        }
        if class.is_final {
            flags.push("final".to_string());
        }
        let loaded = program
            .extension
            .as_ref()
            .is_some_and(|ext| ext.local_classes.contains(&id));
        if loaded {
            // An extension's own classes take their ids from their base's slack at load time.
            let _ = write!(
                self.out,
                "    ids assigned by the loader, size {}",
                class.size
            );
        } else {
            let _ = write!(
                self.out,
                "    id {}, ids {}..{}, slack {}..{} ({}), size {}",
                class.id,
                class.id,
                class.id_max,
                class.slack_start,
                class.id_max,
                class.id_max.saturating_sub(class.slack_start),
                class.size
            );
        }
        for f in &flags {
            let _ = write!(self.out, ", {f}");
        }
        self.out.push('\n');
        for field in &class.fields {
            let _ = writeln!(
                self.out,
                "    field @{} {}: {}",
                field.offset,
                field.name,
                type_name(program, &field.ty)
            );
        }
        for (slot, entry) in class.vtable.iter().enumerate() {
            let _ = writeln!(
                self.out,
                "    slot {slot} {} -> {}{}",
                entry.name,
                self.func(entry.func),
                if entry.is_final { ", final" } else { "" }
            );
        }
        self.out.push('\n');
    }

    fn globals(&mut self) {
        let program = self.program;
        for g in &program.globals {
            let _ = writeln!(
                self.out,
                "global {}: {}  # symbol {}",
                g.name,
                type_name(program, &g.ty),
                g.symbol
            );
        }
        if !program.globals.is_empty() {
            self.out.push('\n');
        }
    }

    fn entry_points(&mut self) {
        let start = self.out.len();
        let init: Vec<String> = self
            .program
            .init_order
            .iter()
            .map(|f| self.func(*f))
            .collect();
        if !init.is_empty() {
            let _ = writeln!(self.out, "init order: {}", init.join(", "));
        }
        if self.program.extension.is_none() {
            let _ = writeln!(self.out, "main: {}", self.func(self.program.main));
        }
        if let Some(fp) = &self.program.fingerprint {
            let _ = writeln!(self.out, "fingerprint: {fp}");
        }
        if !self.program.static_extensions.is_empty() {
            let _ = writeln!(
                self.out,
                "static extensions: {}",
                self.program.static_extensions.join(", ")
            );
        }
        if self.out.len() > start {
            self.out.push('\n');
        }
    }

    fn exports(&mut self) {
        let exports = &self.program.exports;
        if exports.functions.is_empty() && exports.classes.is_empty() && exports.globals.is_empty()
        {
            return;
        }
        let funcs: Vec<String> = exports.functions.iter().map(|f| self.func(*f)).collect();
        let classes: Vec<String> = exports
            .classes
            .iter()
            .map(|c| class_name(self.program, *c))
            .collect();
        let globals: Vec<String> = exports.globals.iter().map(|g| self.global(*g)).collect();
        let _ = writeln!(self.out, "exports:");
        for (what, names) in [
            ("functions", funcs),
            ("classes", classes),
            ("globals", globals),
        ] {
            if !names.is_empty() {
                let _ = writeln!(self.out, "    {what}: {}", names.join(", "));
            }
        }
        self.out.push('\n');
    }

    fn func(&self, f: FuncId) -> String {
        match self.func_names.get(f.0 as usize) {
            Some(name) => name.clone(),
            None => format!("<function {}>", f.0),
        }
    }

    fn global(&self, g: GlobalId) -> String {
        match self.program.globals.get(g.0 as usize) {
            Some(global) => global.name.clone(),
            None => format!("<global {}>", g.0),
        }
    }

    fn local(&self, l: LocalId) -> String {
        match self.locals.get(l.0 as usize) {
            Some(name) => name.clone(),
            None => format!("<local {}>", l.0),
        }
    }

    fn ty(&self, ty: &Type) -> String {
        type_name(self.program, ty)
    }

    fn function(&mut self, id: FuncId) {
        let program = self.program;
        let f: &Function = &program.functions[id.0 as usize];
        self.locals = unique_names(f.locals.iter().map(|l| l.name.as_str()));
        let defaults = program.param_defaults.get(&id);
        let _ = write!(self.out, "def {}(", self.func(id));
        for (i, p) in f.params.iter().enumerate() {
            if i > 0 {
                self.out.push_str(", ");
            }
            let ty = f
                .locals
                .get(p.0 as usize)
                .map(|l| self.ty(&l.ty))
                .unwrap_or_default();
            let _ = write!(self.out, "{}: {ty}", self.local(*p));
            if let Some(Some(default)) = defaults.and_then(|d| d.get(i)) {
                self.out.push_str(" = ");
                self.expr(default, 1);
            }
        }
        let _ = write!(self.out, ") -> {}:  # {}", self.ty(&f.ret), f.symbol);
        if f.can_raise {
            self.out.push_str(", raises");
        }
        if program.checks_stack.contains(&id) {
            self.out.push_str(", checks stack");
        }
        self.out.push('\n');
        let imported = program
            .extension
            .as_ref()
            .is_some_and(|ext| ext.imported_functions.contains(&id));
        if imported && f.body.is_empty() {
            self.out.push_str("    ...  # defined by the core\n\n");
            return;
        }
        for (i, local) in f.locals.iter().enumerate() {
            if f.params.contains(&LocalId(i as u32)) {
                continue;
            }
            let _ = writeln!(
                self.out,
                "    local {}: {}",
                self.locals[i],
                self.ty(&local.ty)
            );
        }
        self.block(&f.body, 1);
        self.out.push('\n');
    }

    fn indent(&mut self, depth: usize) {
        for _ in 0..depth {
            self.out.push_str("    ");
        }
    }

    fn block(&mut self, body: &[Stmt], depth: usize) {
        if body.is_empty() {
            self.indent(depth);
            self.out.push_str("pass\n");
        }
        for stmt in body {
            self.stmt(stmt, depth);
        }
    }

    fn stmt(&mut self, stmt: &Stmt, depth: usize) {
        self.indent(depth);
        match stmt {
            Stmt::Expr(e) => self.expr(e, depth),
            Stmt::AssignLocal(l, e) => {
                let _ = write!(self.out, "{} = ", self.local(*l));
                self.expr(e, depth);
            }
            Stmt::AssignGlobal(g, e) => {
                let _ = write!(self.out, "{} = ", self.global(*g));
                self.expr(e, depth);
            }
            Stmt::StoreField {
                base,
                offset,
                value,
            } => {
                self.field_place(base, *offset, depth);
                self.out.push_str(" = ");
                self.expr(value, depth);
            }
            Stmt::If {
                cond,
                then_body,
                else_body,
            } => {
                self.out.push_str("if ");
                self.expr(cond, depth);
                self.out.push_str(":\n");
                self.block(then_body, depth + 1);
                if !else_body.is_empty() {
                    self.indent(depth);
                    self.out.push_str("else:\n");
                    self.block(else_body, depth + 1);
                }
                return;
            }
            Stmt::While { cond, body } => {
                self.out.push_str("while ");
                self.expr(cond, depth);
                self.out.push_str(":\n");
                self.block(body, depth + 1);
                return;
            }
            Stmt::Break => self.out.push_str("break"),
            Stmt::Continue => self.out.push_str("continue"),
            Stmt::Return(None) => self.out.push_str("return"),
            Stmt::Return(Some(e)) => {
                self.out.push_str("return ");
                self.expr(e, depth);
            }
            Stmt::Raise(e) => {
                self.out.push_str("raise ");
                self.expr(e, depth);
            }
            Stmt::Try {
                body,
                handlers,
                else_body,
                finally_body,
            } => {
                self.out.push_str("try:\n");
                self.block(body, depth + 1);
                for h in handlers {
                    self.indent(depth);
                    let classes: Vec<String> = h
                        .classes
                        .iter()
                        .map(|c| class_name(self.program, *c))
                        .collect();
                    let names = if classes.len() == 1 {
                        classes[0].clone()
                    } else {
                        format!("({})", classes.join(", "))
                    };
                    let _ = writeln!(self.out, "except {names} as {}:", self.local(h.bind));
                    self.block(&h.body, depth + 1);
                }
                if !else_body.is_empty() {
                    self.indent(depth);
                    self.out.push_str("else:\n");
                    self.block(else_body, depth + 1);
                }
                if !finally_body.is_empty() {
                    self.indent(depth);
                    self.out.push_str("finally:\n");
                    self.block(finally_body, depth + 1);
                }
                return;
            }
        }
        self.out.push('\n');
    }

    /// `base.name@offset` when `base` is an instance with a field there, else `base[@offset]`.
    fn field_place(&mut self, base: &Expr, offset: i32, depth: usize) {
        self.operand(base, depth);
        let field = match &base.ty {
            Type::Instance(c) => self
                .program
                .classes
                .get(c.0 as usize)
                .and_then(|class| class.fields.iter().find(|f| f.offset == offset)),
            _ => None,
        };
        match field {
            Some(f) => {
                let _ = write!(self.out, ".{}@{offset}", f.name);
            }
            None => {
                let _ = write!(self.out, "[@{offset}]");
            }
        }
    }

    /// An expression that is followed by `.`, `[` or `(`: parenthesised when its text
    /// would otherwise run into what follows.
    fn operand(&mut self, e: &Expr, depth: usize) {
        let simple = matches!(
            e.kind,
            ExprKind::Local(_)
                | ExprKind::Global(_)
                | ExprKind::Int(_)
                | ExprKind::Str(_)
                | ExprKind::Call(..)
                | ExprKind::Binary(..)
                | ExprKind::Unary(..)
                | ExprKind::And(..)
                | ExprKind::Or(..)
                | ExprKind::Tuple(_)
        );
        if simple {
            self.expr(e, depth);
        } else {
            self.out.push('(');
            self.expr(e, depth);
            self.out.push(')');
        }
    }

    fn args(&mut self, args: &[Expr], depth: usize) {
        self.out.push('(');
        for (i, a) in args.iter().enumerate() {
            if i > 0 {
                self.out.push_str(", ");
            }
            self.expr(a, depth);
        }
        self.out.push(')');
    }

    /// `: T` after an expression, unless `T` is `None` (a procedure's result says nothing).
    fn annotate(&mut self, ty: &Type) {
        if *ty != Type::None {
            let _ = write!(self.out, ": {}", self.ty(ty));
        }
    }

    /// Writes `e`; statements inside it (blocks) are indented one level past `depth`.
    fn expr(&mut self, e: &Expr, depth: usize) {
        match &e.kind {
            ExprKind::Int(v) => {
                let _ = write!(self.out, "{v}");
            }
            ExprKind::Float(v) => self.out.push_str(&float_text(*v)),
            ExprKind::Bool(v) => self.out.push_str(if *v { "True" } else { "False" }),
            ExprKind::None => {
                self.out.push_str("None");
                if e.ty != Type::None {
                    self.annotate(&e.ty);
                }
            }
            ExprKind::Str(id) => match self.program.strings.get(id.0 as usize) {
                Some(s) => self.out.push_str(&str_repr(s)),
                None => {
                    let _ = write!(self.out, "<string {}>", id.0);
                }
            },
            ExprKind::Local(l) => self.out.push_str(&self.local(*l)),
            ExprKind::Global(g) => self.out.push_str(&self.global(*g)),
            ExprKind::Unary(op, x) => {
                let (pre, post) = match op {
                    UnaryOp::IntNeg => ("-%", ""),
                    UnaryOp::IntNegChecked => ("-", ""),
                    UnaryOp::FloatNeg => ("-.", ""),
                    UnaryOp::IntInvert => ("~", ""),
                    UnaryOp::BoolNot => ("not ", ""),
                    UnaryOp::IntToFloat => ("float(", ")"),
                    UnaryOp::BoolToInt => ("int(", ")"),
                    UnaryOp::IsNull => ("", " is None"),
                };
                self.out.push('(');
                self.out.push_str(pre);
                self.expr(x, depth);
                self.out.push_str(post);
                self.out.push(')');
            }
            ExprKind::Binary(op, l, r) => {
                self.out.push('(');
                self.expr(l, depth);
                let _ = write!(self.out, " {} ", binary_op(*op));
                self.expr(r, depth);
                self.out.push(')');
            }
            ExprKind::And(l, r) | ExprKind::Or(l, r) => {
                let word = if matches!(e.kind, ExprKind::And(..)) {
                    "and"
                } else {
                    "or"
                };
                self.out.push('(');
                self.expr(l, depth);
                let _ = write!(self.out, " {word} ");
                self.expr(r, depth);
                self.out.push(')');
            }
            ExprKind::IfElse {
                cond,
                then,
                otherwise,
            } => {
                self.out.push('(');
                self.expr(then, depth);
                self.out.push_str(" if ");
                self.expr(cond, depth);
                self.out.push_str(" else ");
                self.expr(otherwise, depth);
                self.annotate(&e.ty);
                self.out.push(')');
            }
            ExprKind::Call(f, args) => {
                self.out.push_str(&self.func(*f));
                self.args(args, depth);
            }
            ExprKind::RtCall(rt, args) => {
                let symbol = rt.symbol();
                let _ = write!(
                    self.out,
                    "rt.{}",
                    symbol.strip_prefix("seam_").unwrap_or(symbol)
                );
                self.args(args, depth);
                self.annotate(&e.ty);
            }
            ExprKind::CCall { symbol, args, .. } => {
                let _ = write!(self.out, "c.{symbol}");
                self.args(args, depth);
                self.annotate(&e.ty);
            }
            ExprKind::TypeCode(ty) => {
                let _ = write!(self.out, "typecode({})", str_repr(&ty.type_code()));
            }
            ExprKind::Tuple(items) => {
                self.args(items, depth);
                if items.len() == 1 {
                    // `(x,)`, as Python writes a 1-tuple.
                    self.out.pop();
                    self.out.push_str(",)");
                }
            }
            ExprKind::LoadField { base, offset } => {
                self.out.push('(');
                self.field_place(base, *offset, depth);
                self.annotate(&e.ty);
                self.out.push(')');
            }
            ExprKind::Block(stmts, value) => {
                self.out.push_str("block:\n");
                for s in stmts {
                    self.stmt(s, depth + 1);
                }
                self.indent(depth + 1);
                self.out.push_str("=> ");
                self.expr(value, depth + 1);
                self.annotate(&e.ty);
            }
            ExprKind::New(c) => {
                let _ = write!(self.out, "new {}", class_name(self.program, *c));
            }
            ExprKind::VirtualCall { slot, func, args } => {
                let _ = write!(self.out, "virtual[{slot}] {}", self.func(*func));
                self.args(args, depth);
            }
            ExprKind::IsInstance { value, class } => {
                self.out.push_str("isinstance(");
                self.expr(value, depth);
                let _ = write!(self.out, ", {})", class_name(self.program, *class));
            }
            ExprKind::FuncAddr(f) => {
                let _ = write!(self.out, "&{}", self.func(*f));
            }
            ExprKind::CallIndirect { callee, args } => {
                self.out.push_str("indirect ");
                self.operand(callee, depth);
                self.args(args, depth);
                self.annotate(&e.ty);
            }
            ExprKind::ListItem { list, index } => {
                self.out.push_str("unchecked ");
                self.operand(list, depth);
                self.out.push('[');
                self.expr(index, depth);
                self.out.push(']');
                self.annotate(&e.ty);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_print_as_python_reprs() {
        assert_eq!(str_repr("a'b"), "\"a'b\"");
        assert_eq!(str_repr("a'b\""), "'a\\'b\"'");
        assert_eq!(str_repr("x\n\t\u{1}"), "'x\\n\\t\\x01'");
        assert_eq!(str_repr("é"), "'é'");
    }

    #[test]
    fn shared_names_carry_their_index() {
        assert_eq!(
            unique_names(["x", "y", "x", ""].into_iter()),
            vec!["x~0", "y", "x~2", "~3"]
        );
    }

    #[test]
    fn float_literals_round_trip() {
        assert_eq!(float_text(1.0), "1.0");
        assert_eq!(float_text(0.1), "0.1");
        assert_eq!(float_text(f64::INFINITY), "inf");
    }
}
