//! A typed random-program generator for Seam Python, after Csmith: from a
//! seed, a well-typed, terminating, deterministic program that prints a
//! trace and a checksum of everything it computes.
//!
//! ```text
//!   seed ──▶ Rng ──▶ classes, exception classes, globals, taps
//!                ──▶ methods (slot by slot) ──▶ functions (each calls only earlier ones)
//!                ──▶ main: one guarded phase per top function, trace and checksum printed
//! ```
//!
//! The programs are differential tests: run on CPython and translated, they
//! must print the same bytes. Whatever they compute reaches the output:
//! values are folded into a checksum (`mix`), and *taps* (`ti("a7", e)`)
//! inside operands, arguments, keyword arguments, subscripts, comparisons and
//! boolean operators append their tag to a trace, so the order in which
//! operands are evaluated shows too.
//!
//! What keeps a program valid, by construction rather than by filtering:
//!
//! - **Types.** Every expression is generated for a wanted type, from the
//!   variables in scope, fields, calls and operators that give that type.
//!   Locals are declared with an annotation and a fresh name, are visible
//!   only in their block, and are never assigned another type.
//! - **Bounded integers.** Every stored `int` lies in `[-10**6, 10**6]`: each
//!   expression carries a bound on its magnitude and is wrapped in
//!   `% 1000003` when the bound grows past that, so no intermediate value
//!   overflows 64 bits (the translation's `int`).
//! - **Termination.** Loops have literal or small bounds, a function calls
//!   only functions generated before it, a method calls only lower-numbered
//!   methods, and the one recursive function counts down from a small
//!   number. Each function has a cost estimate (calls weighted by the loop
//!   iterations around them) and calls are only generated within a budget.
//! - **Determinism.** Sets hold `int`s only (whose table order CPython fixes;
//!   a set of `str` is ordered by a per-process key), instances print through
//!   their `__str__`, never their address: what is printed is the same on
//!   every run.
//!
//! Runtime errors are deliberate: an index may be out of range, a key
//! missing, a divisor zero; handlers catch them, and main guards each phase
//! with handlers for every class, so the message and the class must match
//! CPython's too. Some programs let an exception escape `main`.
//!
//! The generator knows nothing of the checker or the translator: it writes
//! text. A program the checker rejects is either a generator bug or a
//! checker bug; the harness (`cli/tests/gen.rs`) reports it.

use std::collections::BTreeSet;
use std::fmt::Write as _;

pub mod seam;

/// The program for `seed`.
pub fn program(seed: u64) -> String {
    Gen::new(seed).program()
}

/// Stored integers stay within this magnitude.
const ATOM: f64 = 1_000_000.0;
/// The modulus that brings an integer back within [`ATOM`].
const MODULUS: &str = "1000003";
/// Lists and strings stored in variables stay within this length.
const MAX_LEN: f64 = 24.0;
/// The estimated cost (calls and taps) one function may reach.
const BUDGET: f64 = 400.0;

/// SplitMix64: small, fast, and the same everywhere.
pub(crate) struct Rng(pub(crate) u64);

impl Rng {
    pub(crate) fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n > 0`).
    pub(crate) fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    /// True with probability `pct` percent.
    pub(crate) fn chance(&mut self, pct: u64) -> bool {
        self.next() % 100 < pct
    }

    pub(crate) fn int_in(&mut self, lo: i64, hi: i64) -> i64 {
        lo + (self.next() % ((hi - lo + 1) as u64)) as i64
    }

    pub(crate) fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// The types generated programs use.
#[derive(Clone, Debug, PartialEq)]
enum Ty {
    Int,
    Float,
    Bool,
    Str,
    ListInt,
    ListStr,
    DictStrInt,
    /// `tuple[int, str]`.
    Pair,
    /// An instance of class `n` (or of a subclass).
    Obj(usize),
    /// `C | None` for class `n`.
    Opt(usize),
    /// `int | None` (boxed in the translation).
    OptInt,
}

/// A generated expression: its text and a bound (the magnitude of an int or
/// float, the length of a str or list; unused for other types).
struct E {
    code: String,
    bound: f64,
}

impl E {
    fn new(code: impl Into<String>, bound: f64) -> E {
        E {
            code: code.into(),
            bound,
        }
    }
}

#[derive(Clone)]
/// A call's arguments: see [`Gen::args_for`].
struct Args {
    named: Vec<(String, String)>,
    leading: usize,
}

#[derive(Clone)]
struct Param {
    name: String,
    ty: Ty,
    default: Option<String>,
}

#[derive(Clone)]
struct Sig {
    name: String,
    params: Vec<Param>,
    ret: Ty,
    cost: f64,
}

struct Class {
    name: String,
    parent: Option<usize>,
    /// The fields the class declares itself (after its parent's).
    own_fields: Vec<(String, Ty)>,
    /// Whether `__init__` gives each field (all fields, parents' first) a default.
    init_defaults: Vec<Option<String>>,
    /// Method slots this class implements (introduces or overrides).
    implements: Vec<usize>,
}

/// A variable in scope.
#[derive(Clone)]
struct Var {
    name: String,
    ty: Ty,
    /// Whether statements may assign it (not a loop counter, a narrowed alias, a frozen loop target).
    assignable: bool,
    /// Whether it is a global (assigning it needs `global`).
    global: bool,
}

/// What the statement generator knows about the function it is writing.
struct Scope {
    vars: Vec<Var>,
    /// Loop iterations around the current point (bounds multiplied).
    mult: f64,
    cost: f64,
    loops: u32,
    depth: u32,
    ret: Ty,
    /// The class and slot of the method being written, if any.
    method: Option<(usize, usize)>,
    /// Functions below this index may be called.
    callable_fns: usize,
    /// Inside a loop over a dict: no dict may change size.
    freeze_dicts: bool,
    /// Inside a comprehension's element or filter, where CPython 3.11 has no
    /// `super()` (the comprehension is a function of its own).
    no_super: bool,
    globals_assigned: BTreeSet<String>,
    fresh: u32,
}

struct Gen {
    rng: Rng,
    out: String,
    classes: Vec<Class>,
    /// Method slots: introduced by `slot_owner[k]`.
    slots: Vec<Sig>,
    slot_owner: Vec<usize>,
    fns: Vec<Sig>,
    /// User exception classes: name, parent name, whether it has an `int` field `code`.
    excs: Vec<(String, String, bool)>,
    globals: Vec<Var>,
    tags: u32,
    lines: Vec<String>,
    indent: usize,
}

pub(crate) const STR_POOL: &[&str] = &[
    "", "a", "ab", "abc", "xyz", "Hi", " pad ", "1", "42", "-7", "a,b", "x y", "é", "Ωm", "ßa",
    "k1", "k2", "k3",
];
const KEY_POOL: &[&str] = &["k1", "k2", "k3", "a", "b"];

impl Gen {
    fn new(seed: u64) -> Gen {
        Gen {
            rng: Rng(seed ^ 0x5eed_5eed_0000_0000),
            out: String::new(),
            classes: Vec::new(),
            slots: Vec::new(),
            slot_owner: Vec::new(),
            fns: Vec::new(),
            excs: Vec::new(),
            globals: Vec::new(),
            tags: 0,
            lines: Vec::new(),
            indent: 0,
        }
    }

    fn program(mut self) -> String {
        self.out
            .push_str("# A program written by seam-gen (cli/tests/gen.rs).\n");
        self.out.push_str("from typing import Optional\n\n\n");
        self.plan_classes();
        self.write_exceptions();
        self.write_globals();
        self.write_classes();
        self.write_helpers();
        let nfns = 3 + self.rng.below(4);
        for i in 0..nfns {
            self.write_function(i);
        }
        self.write_main();
        self.out.push_str(
            "\n\nif __name__ == \"__main__\":\n    import sys\n\n    sys.exit(main(sys.argv))\n",
        );
        self.out
    }

    // ---- output -------------------------------------------------------

    fn line(&mut self, text: impl AsRef<str>) {
        let pad = "    ".repeat(self.indent);
        self.lines.push(format!("{pad}{}", text.as_ref()));
    }

    fn tag(&mut self) -> String {
        self.tags += 1;
        format!("t{}", self.tags)
    }

    // ---- declarations -------------------------------------------------

    fn plan_classes(&mut self) {
        let n = 2 + self.rng.below(3);
        for i in 0..n {
            let parent = if i == 0 {
                None
            } else {
                Some(self.rng.below(i))
            };
            let name = ["Base", "Mid", "Leaf", "Side"][i].to_string();
            let mut own_fields = Vec::new();
            if i == 0 {
                own_fields.push(("a".to_string(), Ty::Int));
                own_fields.push(("s".to_string(), Ty::Str));
                own_fields.push(("xs".to_string(), Ty::ListInt));
                own_fields.push(("nxt".to_string(), Ty::Opt(0)));
            } else {
                let lower = name.to_lowercase();
                own_fields.push((format!("{lower}_n"), Ty::Int));
                if self.rng.chance(50) {
                    own_fields.push((format!("{lower}_t"), Ty::Str));
                }
            }
            self.classes.push(Class {
                name,
                parent,
                own_fields,
                init_defaults: Vec::new(),
                implements: Vec::new(),
            });
        }
        // Slots: a few introduced by the root, one by some subclasses.
        let root_slots = 2 + self.rng.below(3);
        for k in 0..root_slots {
            let sig = self.method_sig(k);
            self.slots.push(sig);
            self.slot_owner.push(0);
            self.classes[0].implements.push(k);
        }
        for c in 1..n {
            if self.rng.chance(60) {
                let k = self.slots.len();
                let sig = self.method_sig(k);
                self.slots.push(sig);
                self.slot_owner.push(c);
                self.classes[c].implements.push(k);
            }
            for k in 0..self.slots.len() {
                if self.slot_owner[k] != c && self.has_slot(c, k) && self.rng.chance(55) {
                    self.classes[c].implements.push(k);
                }
            }
        }
        for c in 0..n {
            let fields = self.all_fields(c);
            let ndef = self.rng.below(fields.len() + 1);
            let first_default = fields.len() - ndef;
            let defaults = fields
                .iter()
                .enumerate()
                .map(|(i, (_, ty))| {
                    if i < first_default {
                        return None;
                    }
                    match ty {
                        Ty::Int => Some(self.rng.int_in(-5, 50).to_string()),
                        Ty::Str => Some(format!("{:?}", self.rng.pick(STR_POOL))),
                        Ty::Opt(_) => Some("None".to_string()),
                        _ => None,
                    }
                })
                .collect::<Vec<_>>();
            // Only a suffix may have defaults: cut at the last field without one.
            let last_none = defaults.iter().rposition(Option::is_none);
            let defaults = defaults
                .into_iter()
                .enumerate()
                .map(|(i, d)| {
                    if last_none.is_some_and(|l| i <= l) {
                        None
                    } else {
                        d
                    }
                })
                .collect();
            self.classes[c].init_defaults = defaults;
        }
    }

    fn method_sig(&mut self, k: usize) -> Sig {
        let ret = self
            .rng
            .pick(&[Ty::Int, Ty::Int, Ty::Str, Ty::Bool])
            .clone();
        let mut params = vec![Param {
            name: "x".to_string(),
            ty: Ty::Int,
            default: None,
        }];
        if self.rng.chance(70) {
            let ty = self.rng.pick(&[Ty::Int, Ty::Str]).clone();
            let default = self.rng.chance(60).then(|| self.literal(&ty));
            params.push(Param {
                name: "y".to_string(),
                ty,
                default,
            });
        }
        Sig {
            name: format!("m{k}"),
            params,
            ret,
            cost: 1.0,
        }
    }

    fn is_sub(&self, c: usize, of: usize) -> bool {
        let mut cur = Some(c);
        while let Some(x) = cur {
            if x == of {
                return true;
            }
            cur = self.classes[x].parent;
        }
        false
    }

    fn has_slot(&self, c: usize, k: usize) -> bool {
        self.is_sub(c, self.slot_owner[k])
    }

    fn all_fields(&self, c: usize) -> Vec<(String, Ty)> {
        let mut chain = Vec::new();
        let mut cur = Some(c);
        while let Some(x) = cur {
            chain.push(x);
            cur = self.classes[x].parent;
        }
        chain
            .iter()
            .rev()
            .flat_map(|&x| self.classes[x].own_fields.clone())
            .collect()
    }

    fn ty_name(&self, ty: &Ty) -> String {
        match ty {
            Ty::Int => "int".into(),
            Ty::Float => "float".into(),
            Ty::Bool => "bool".into(),
            Ty::Str => "str".into(),
            Ty::ListInt => "list[int]".into(),
            Ty::ListStr => "list[str]".into(),
            Ty::DictStrInt => "dict[str, int]".into(),
            Ty::Pair => "tuple[int, str]".into(),
            Ty::OptInt => "int | None".into(),
            Ty::Obj(c) => self.classes[*c].name.clone(),
            // Quoted: a class's own fields and `__init__` name it before it exists.
            Ty::Opt(c) => {
                if *c == 0 {
                    format!("\"Optional[{}]\"", self.classes[*c].name)
                } else {
                    format!("\"{} | None\"", self.classes[*c].name)
                }
            }
        }
    }

    fn literal(&mut self, ty: &Ty) -> String {
        match ty {
            Ty::Int => self.rng.int_in(-9, 99).to_string(),
            Ty::Float => format!("{:?}", self.rng.int_in(-40, 40) as f64 / 4.0),
            Ty::Bool => self.rng.pick(&["True", "False"]).to_string(),
            Ty::Str => format!("{:?}", self.rng.pick(STR_POOL)),
            _ => unreachable!("only scalar literals"),
        }
    }

    fn write_exceptions(&mut self) {
        let bases = ["Exception", "ValueError", "RuntimeError"];
        let n = 2 + self.rng.below(2);
        for i in 0..n {
            let name = format!("E{i}");
            let parent = if i > 0 && self.rng.chance(50) {
                format!("E{}", self.rng.below(i))
            } else {
                self.rng.pick(&bases).to_string()
            };
            let parent_has_code = self.excs.iter().any(|(n, _, c)| *n == parent && *c);
            let code = !parent_has_code && self.rng.chance(40);
            let _ = writeln!(self.out, "class {name}({parent}):");
            if code {
                let _ = writeln!(self.out, "    code: int\n");
                let _ = writeln!(
                    self.out,
                    "    def __init__(self, msg: str, code: int) -> None:"
                );
                let _ = writeln!(self.out, "        super().__init__(msg)");
                let _ = writeln!(self.out, "        self.code = code\n\n");
            } else {
                let _ = writeln!(self.out, "    pass\n\n");
            }
            let code = code || parent_has_code;
            self.excs.push((name, parent, code));
        }
    }

    fn write_globals(&mut self) {
        self.out.push_str("trace: list[str] = []\nchk: int = 0\n");
        let specs: Vec<(Ty, String)> = vec![
            (Ty::Int, self.rng.int_in(0, 999).to_string()),
            (Ty::Str, format!("{:?}", self.rng.pick(STR_POOL))),
            (Ty::ListInt, "[3, 1, 2]".to_string()),
            (Ty::DictStrInt, "{\"k1\": 1, \"a\": 5}".to_string()),
            (Ty::Float, "0.5".to_string()),
        ];
        for (i, (ty, init)) in specs.into_iter().enumerate() {
            if self.rng.chance(75) {
                let name = format!("g{i}");
                let _ = writeln!(self.out, "{name}: {} = {init}", self.ty_name(&ty));
                self.globals.push(Var {
                    name,
                    ty,
                    assignable: true,
                    global: true,
                });
            }
        }
        self.out.push_str("\n\n");
    }

    fn write_helpers(&mut self) {
        self.out.push_str(
            "def mix(v: int) -> None:\n    global chk\n    chk = (chk * 31 + v) % 1000003\n\n\n",
        );
        for (f, ty) in [
            ("ti", "int"),
            ("ts", "str"),
            ("tb", "bool"),
            ("tf", "float"),
            ("tl", "list[int]"),
            ("td", "dict[str, int]"),
            ("to", "Base"),
        ] {
            let _ = writeln!(
                self.out,
                "def {f}(tag: str, v: {ty}) -> {ty}:\n    trace.append(tag)\n    return v\n\n"
            );
        }
        self.out.push_str(
            "def rec(n: int, acc: int) -> int:\n    trace.append(\"r\" + str(n))\n    if n <= 0:\n        return acc\n    return rec(n - 1, (acc * 3 + n) % 1000003)\n\n\n",
        );
    }

    fn write_classes(&mut self) {
        for c in 0..self.classes.len() {
            let name = self.classes[c].name.clone();
            let parent = self.classes[c]
                .parent
                .map_or("object".to_string(), |p| self.classes[p].name.clone());
            let _ = writeln!(self.out, "class {name}({parent}):");
            for (f, ty) in self.classes[c].own_fields.clone() {
                let _ = writeln!(self.out, "    {f}: {}", self.ty_name(&ty));
            }
            self.out.push('\n');
            self.write_init(c);
            self.write_dunders(c);
            // Placeholder: methods are written slot by slot below, then spliced in.
            let _ = writeln!(self.out, "#METHODS{c}#\n");
        }
        let mut bodies: Vec<String> = vec![String::new(); self.classes.len()];
        for k in 0..self.slots.len() {
            let mut worst: f64 = 1.0;
            for (c, body) in bodies.iter_mut().enumerate() {
                if self.classes[c].implements.contains(&k) {
                    let (text, cost) = self.write_method(c, k);
                    body.push_str(&text);
                    worst = worst.max(cost);
                }
            }
            self.slots[k].cost = worst;
        }
        for (c, body) in bodies.into_iter().enumerate() {
            self.out = self
                .out
                .replace(&format!("#METHODS{c}#\n"), body.trim_end_matches('\n'));
        }
        self.out = self.out.replace("\n\n\n\n", "\n\n\n");
    }

    /// The root class's `__str__`, `__eq__` and `__len__` (every class inherits
    /// them, so every instance prints without its address); some subclasses
    /// override `__str__`, calling the base's through `super()`.
    fn write_dunders(&mut self, c: usize) {
        let name = self.classes[c].name.clone();
        if c == 0 {
            let _ = writeln!(
                self.out,
                "    def __str__(self) -> str:\n        return \"{name}(\" + str(self.a) + \", \" + repr(self.s) + \")\"\n"
            );
            let _ = writeln!(
                self.out,
                "    def __eq__(self, other: object) -> bool:\n        return isinstance(other, {name}) and self.a == other.a\n"
            );
            let _ = writeln!(
                self.out,
                "    def __len__(self) -> int:\n        return len(self.xs)\n"
            );
        } else if self.rng.chance(40) {
            let (f, _) = self.classes[c].own_fields[0].clone();
            let _ = writeln!(
                self.out,
                "    def __str__(self) -> str:\n        return \"{name}:\" + str(self.{f}) + \"/\" + super().__str__()\n"
            );
        }
    }

    fn write_init(&mut self, c: usize) {
        let fields = self.all_fields(c);
        let defaults = self.classes[c].init_defaults.clone();
        let params: Vec<String> = fields
            .iter()
            .zip(&defaults)
            .map(|((f, ty), d)| match d {
                Some(d) => format!("{f}: {} = {d}", self.ty_name(ty)),
                None => format!("{f}: {}", self.ty_name(ty)),
            })
            .collect();
        let _ = writeln!(
            self.out,
            "    def __init__(self, {}) -> None:",
            params.join(", ")
        );
        if let Some(p) = self.classes[c].parent {
            let mut pf: Vec<String> = self.all_fields(p).into_iter().map(|(f, _)| f).collect();
            let kw = self.rng.chance(60);
            if kw {
                self.shuffle(&mut pf);
                let args: Vec<String> = pf.iter().map(|f| format!("{f}={f}")).collect();
                let _ = writeln!(self.out, "        super().__init__({})", args.join(", "));
            } else {
                let _ = writeln!(self.out, "        super().__init__({})", pf.join(", "));
            }
        }
        for (f, _) in self.classes[c].own_fields.clone() {
            let _ = writeln!(self.out, "        self.{f} = {f}");
        }
        self.out.push('\n');
    }

    fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            let j = self.rng.below(i + 1);
            v.swap(i, j);
        }
    }

    fn new_scope(&self, ret: Ty, method: Option<(usize, usize)>, callable_fns: usize) -> Scope {
        Scope {
            vars: self.globals.clone(),
            mult: 1.0,
            cost: 1.0,
            loops: 0,
            depth: 0,
            ret,
            method,
            callable_fns,
            freeze_dicts: false,
            no_super: false,
            globals_assigned: BTreeSet::new(),
            fresh: 0,
        }
    }

    /// Writes method slot `k` of class `c`; returns its text and cost.
    fn write_method(&mut self, c: usize, k: usize) -> (String, f64) {
        let sig = self.slots[k].clone();
        let mut sc = self.new_scope(sig.ret.clone(), Some((c, k)), 0);
        sc.vars.push(Var {
            name: "self".into(),
            ty: Ty::Obj(c),
            assignable: false,
            global: false,
        });
        for p in &sig.params {
            sc.vars.push(Var {
                name: p.name.clone(),
                ty: p.ty.clone(),
                assignable: true,
                global: false,
            });
        }
        let header = format!(
            "    def {}(self, {}) -> {}:",
            sig.name,
            self.params_text(&sig),
            self.ty_name(&sig.ret)
        );
        self.indent = 2;
        let n = 1 + self.rng.below(3);
        self.block(&mut sc, n);
        let r = self.expr(&mut sc, &sig.ret.clone(), 2);
        self.line(format!("return {}", r.code));
        let body = self.take_body(&sc);
        (format!("\n{header}\n{body}"), sc.cost)
    }

    fn params_text(&self, sig: &Sig) -> String {
        sig.params
            .iter()
            .map(|p| match &p.default {
                Some(d) => format!("{}: {} = {d}", p.name, self.ty_name(&p.ty)),
                None => format!("{}: {}", p.name, self.ty_name(&p.ty)),
            })
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// The lines written since the last take, with `global` declarations first.
    fn take_body(&mut self, sc: &Scope) -> String {
        let pad = "    ".repeat(self.indent);
        let mut body = String::new();
        if !sc.globals_assigned.is_empty() {
            let names: Vec<&str> = sc.globals_assigned.iter().map(String::as_str).collect();
            let _ = writeln!(body, "{pad}global {}", names.join(", "));
        }
        for l in self.lines.drain(..) {
            body.push_str(&l);
            body.push('\n');
        }
        body
    }

    fn write_function(&mut self, i: usize) {
        let ret = self
            .rng
            .pick(&[
                Ty::Int,
                Ty::Int,
                Ty::Int,
                Ty::Str,
                Ty::ListInt,
                Ty::Float,
                Ty::Bool,
                Ty::Opt(0),
                Ty::Obj(0),
            ])
            .clone();
        let ret = match ret {
            Ty::Obj(_) => Ty::Obj(self.rng.below(self.classes.len())),
            Ty::Opt(_) => Ty::Opt(self.rng.below(self.classes.len())),
            t => t,
        };
        let np = self.rng.below(5);
        let mut params = Vec::new();
        let pool = [
            Ty::Int,
            Ty::Int,
            Ty::Str,
            Ty::ListInt,
            Ty::Float,
            Ty::Bool,
            Ty::Obj(0),
            Ty::Opt(0),
            Ty::DictStrInt,
            Ty::ListStr,
            Ty::Pair,
            Ty::OptInt,
        ];
        let first_default = self.rng.below(np + 1);
        for p in 0..np {
            let ty = self.rng.pick(&pool).clone();
            let ty = match ty {
                Ty::Obj(_) => Ty::Obj(self.rng.below(self.classes.len())),
                t => t,
            };
            let default = if p >= first_default {
                match ty {
                    Ty::Int | Ty::Str | Ty::Bool | Ty::Float => Some(self.literal(&ty)),
                    Ty::Opt(_) => Some("None".to_string()),
                    // An `int | None` default must be `None` (Seam refuses an int literal there).
                    Ty::OptInt => Some("None".to_string()),
                    _ => None,
                }
            } else {
                None
            };
            params.push(Param {
                name: format!("p{p}"),
                ty,
                default,
            });
        }
        // Defaults only on a suffix.
        if let Some(last) = params.iter().rposition(|p| p.default.is_none()) {
            for p in &mut params[..last] {
                p.default = None;
            }
        }
        let mut sig = Sig {
            name: format!("f{i}"),
            params,
            ret: ret.clone(),
            cost: 1.0,
        };
        let mut sc = self.new_scope(ret.clone(), None, i);
        for p in &sig.params {
            sc.vars.push(Var {
                name: p.name.clone(),
                ty: p.ty.clone(),
                assignable: true,
                global: false,
            });
        }
        self.indent = 1;
        let n = 2 + self.rng.below(4);
        self.block(&mut sc, n);
        let r = self.expr(&mut sc, &ret, 2);
        self.line(format!("return {}", r.code));
        let body = self.take_body(&sc);
        let _ = writeln!(
            self.out,
            "def {}({}) -> {}:\n{body}\n",
            sig.name,
            self.params_text(&sig),
            self.ty_name(&ret)
        );
        sig.cost = sc.cost;
        self.fns.push(sig);
    }

    fn write_main(&mut self) {
        let mut sc = self.new_scope(Ty::Int, None, self.fns.len());
        self.out.push_str("def main(argv: list[str]) -> int:\n");
        self.indent = 1;
        self.line("start = 0");
        let phases = 2 + self.rng.below(3);
        let escape = self.rng.chance(8);
        for ph in 0..phases {
            let last = ph + 1 == phases;
            let guarded = !(last && escape);
            if guarded {
                self.line("try:");
                self.indent += 1;
            }
            // Each phase calls a late function (the ones that call the others).
            let f = self.fns.len() - 1 - self.rng.below(self.fns.len().min(3));
            sc.cost = 1.0;
            let call = self.call_fn(&mut sc, f);
            let ret = self.fns[f].ret.clone();
            let shown = self.show(&ret, &call);
            self.line(format!("print(\"phase {ph}\", {shown})"));
            let n = 1 + self.rng.below(3);
            self.block(&mut sc, n);
            if guarded {
                self.indent -= 1;
                self.handlers(&mut sc, true);
            }
            self.line("print(\"trace\", \" \".join(trace[start:]))");
            self.line("start = len(trace)");
            self.line("print(\"chk\", chk)");
        }
        self.line("return 0");
        let body = self.take_body(&sc);
        self.out.push_str(&body);
    }

    /// A printable text for a value of type `ty`: instances print their fields, not their address.
    /// How a value is printed: instances mostly through their `__str__`.
    fn show(&mut self, ty: &Ty, code: &str) -> String {
        match ty {
            Ty::Obj(_) if self.rng.chance(30) => format!("({code}).a"),
            Ty::Opt(_) if self.rng.chance(30) => format!("{code} is None"),
            _ => code.to_string(),
        }
    }

    /// `except` clauses for the program's exception classes; `all` adds every builtin class main may see.
    fn handlers(&mut self, sc: &mut Scope, all: bool) {
        let mut names: Vec<(String, bool)> = self
            .excs
            .iter()
            .rev()
            .map(|(n, _, code)| (n.clone(), *code))
            .collect();
        if !all {
            self.shuffle(&mut names);
            let keep = 1 + self.rng.below(names.len());
            names.truncate(keep);
        }
        let mut builtins = vec![
            "ZeroDivisionError",
            "IndexError",
            "KeyError",
            "ValueError",
            "AssertionError",
            "RuntimeError",
        ];
        if !all {
            self.shuffle(&mut builtins);
            builtins.truncate(self.rng.below(3));
        }
        for (n, code) in names {
            sc.fresh += 1;
            let e = format!("e{}", sc.fresh);
            self.line(format!("except {n} as {e}:"));
            if code {
                self.line(format!("    print(\"{n}\", str({e}), {e}.code)"));
            } else {
                self.line(format!("    print(\"{n}\", str({e}))"));
            }
        }
        if !builtins.is_empty() && self.rng.chance(30) && builtins.len() >= 2 {
            let (a, b) = (
                builtins.pop().unwrap_or("IndexError"),
                builtins.pop().unwrap_or("KeyError"),
            );
            sc.fresh += 1;
            let e = format!("e{}", sc.fresh);
            self.line(format!("except ({a}, {b}) as {e}:"));
            self.line(format!("    print(\"{a}/{b}\", str({e}))"));
        }
        for b in builtins {
            sc.fresh += 1;
            let e = format!("e{}", sc.fresh);
            self.line(format!("except {b} as {e}:"));
            self.line(format!("    print(\"{b}\", str({e}))"));
        }
    }

    // ---- statements ---------------------------------------------------

    fn block(&mut self, sc: &mut Scope, n: usize) {
        let mark = sc.vars.len();
        sc.depth += 1;
        for _ in 0..n {
            if self.stmt(sc) {
                break;
            }
        }
        sc.depth -= 1;
        sc.vars.truncate(mark);
    }

    /// A nested block that must not be empty.
    fn body(&mut self, sc: &mut Scope, n: usize) {
        let before = self.lines.len();
        self.indent += 1;
        self.block(sc, n);
        if self.lines.len() == before {
            self.line("pass");
        }
        self.indent -= 1;
    }

    fn fresh(&self, sc: &mut Scope, prefix: &str) -> String {
        sc.fresh += 1;
        format!("{prefix}{}", sc.fresh)
    }

    fn declare(&mut self, sc: &mut Scope, ty: Ty) {
        let name = self.fresh(sc, "v");
        let e = self.expr(sc, &ty, 3);
        let code = self.store(&ty, e);
        self.line(format!("{name}: {} = {code}", self.ty_name(&ty)));
        sc.vars.push(Var {
            name,
            ty,
            assignable: true,
            global: false,
        });
    }

    /// An expression's text made fit to store: ints wrapped back into range, strings and lists cut.
    fn store(&self, ty: &Ty, e: E) -> String {
        match ty {
            Ty::Int if e.bound > ATOM => format!("({}) % {MODULUS}", e.code),
            Ty::Float if e.bound > ATOM => format!("float(int({}) % {MODULUS})", e.code),
            Ty::Str | Ty::ListInt | Ty::ListStr if e.bound > MAX_LEN => format!("({})[:8]", e.code),
            _ => e.code,
        }
    }

    fn visible(&self, sc: &Scope, pred: impl Fn(&Var) -> bool) -> Vec<Var> {
        sc.vars
            .iter()
            .enumerate()
            .filter(|(i, v)| pred(v) && !sc.vars[i + 1..].iter().any(|w| w.name == v.name))
            .map(|(_, v)| v.clone())
            .collect()
    }

    fn vars_of(&self, sc: &Scope, ty: &Ty) -> Vec<Var> {
        self.visible(sc, |v| self.fits(&v.ty, ty))
    }

    /// Whether a value of type `have` may be used where `want` is expected.
    fn fits(&self, have: &Ty, want: &Ty) -> bool {
        match (have, want) {
            (Ty::Obj(a), Ty::Obj(b)) | (Ty::Obj(a), Ty::Opt(b)) => self.is_sub(*a, *b),
            (Ty::Opt(a), Ty::Opt(b)) => a == b,
            _ => have == want,
        }
    }

    fn assign_target(&mut self, sc: &Scope) -> Option<Var> {
        let vars = self.visible(sc, |v| v.assignable && v.name != "self");
        if vars.is_empty() {
            return None;
        }
        Some(self.rng.pick(&vars).clone())
    }

    /// Writes one statement; returns true when it ends the block (return, raise, break, continue).
    fn stmt(&mut self, sc: &mut Scope) -> bool {
        let deep = sc.depth > 3 || sc.mult > 30.0;
        let choice = self.rng.below(if deep { 9 } else { 16 });
        match choice {
            0 | 1 => {
                let ty = self.any_ty();
                self.declare(sc, ty);
            }
            2 | 3 => {
                if let Some(v) = self.assign_target(sc) {
                    let e = self.expr(sc, &v.ty, 3);
                    let code = self.store(&v.ty, e);
                    if v.global {
                        sc.globals_assigned.insert(v.name.clone());
                    }
                    self.line(format!("{} = {code}", v.name));
                } else {
                    self.declare(sc, Ty::Int);
                }
            }
            4 => {
                let e = self.expr(sc, &Ty::Int, 3);
                let code = self.store(&Ty::Int, e);
                self.line(format!("mix({code})"));
            }
            5 => self.print_stmt(sc),
            6 => self.container_stmt(sc),
            7 => self.aug_stmt(sc),
            8 => {
                if sc.depth > 1 && self.rng.chance(30) {
                    return self.jump(sc);
                }
                self.field_stmt(sc);
            }
            9 | 10 => self.if_stmt(sc),
            11 => self.for_stmt(sc),
            12 => self.while_stmt(sc),
            13 | 14 => self.try_stmt(sc),
            _ => self.narrow_stmt(sc),
        }
        false
    }

    fn any_ty(&mut self) -> Ty {
        let c = self.rng.below(self.classes.len());
        self.rng
            .pick(&[
                Ty::Int,
                Ty::Int,
                Ty::Int,
                Ty::Str,
                Ty::Str,
                Ty::Float,
                Ty::Bool,
                Ty::ListInt,
                Ty::ListStr,
                Ty::DictStrInt,
                Ty::Pair,
                Ty::OptInt,
                Ty::Obj(c),
                Ty::Opt(c),
            ])
            .clone()
    }

    fn print_stmt(&mut self, sc: &mut Scope) {
        let n = 1 + self.rng.below(3);
        let mut parts = Vec::new();
        for _ in 0..n {
            let ty = self.any_ty();
            let e = self.expr(sc, &ty, 2);
            parts.push(self.show(&ty, &e.code));
        }
        let mut text = parts.join(", ");
        if self.rng.chance(20) {
            text.push_str(", sep=\"|\"");
        }
        if self.rng.chance(10) {
            text.push_str(", end=\";\\n\"");
        }
        self.line(format!("print({text})"));
    }

    fn jump(&mut self, sc: &mut Scope) -> bool {
        let r = self.rng.below(4);
        if sc.loops > 0 && r < 2 {
            let cond = self.expr(sc, &Ty::Bool, 2);
            self.line(format!("if {}:", cond.code));
            self.line(if r == 0 { "    break" } else { "    continue" });
            return false;
        }
        if r == 2 {
            let cond = self.expr(sc, &Ty::Bool, 2);
            self.line(format!("if {}:", cond.code));
            self.indent += 1;
            self.raise_stmt(sc);
            self.indent -= 1;
            return false;
        }
        let cond = self.expr(sc, &Ty::Bool, 2);
        self.line(format!("if {}:", cond.code));
        let ret = sc.ret.clone();
        let e = self.expr(sc, &ret, 2);
        self.line(format!("    return {}", e.code));
        false
    }

    fn raise_stmt(&mut self, sc: &mut Scope) {
        let r = self.rng.below(self.excs.len() + 2);
        let msg = self.expr(sc, &Ty::Str, 1);
        if r < self.excs.len() {
            let (name, _, code) = self.excs[r].clone();
            if code {
                let c = self.expr(sc, &Ty::Int, 1);
                let c = self.store(&Ty::Int, c);
                self.line(format!("raise {name}({}, {c})", msg.code));
            } else {
                self.line(format!("raise {name}({})", msg.code));
            }
        } else {
            let name = self.rng.pick(&["ValueError", "RuntimeError", "KeyError"]);
            self.line(format!("raise {name}({})", msg.code));
        }
    }

    fn container_stmt(&mut self, sc: &mut Scope) {
        let lists = self.visible(sc, |v| matches!(v.ty, Ty::ListInt | Ty::ListStr));
        let dicts = self.visible(sc, |v| v.ty == Ty::DictStrInt);
        if !dicts.is_empty() && (lists.is_empty() || self.rng.chance(40)) {
            let d = self.rng.pick(&dicts).name.clone();
            let k = self.expr(sc, &Ty::Str, 1);
            let key = if self.rng.chance(70) {
                format!("{:?}", self.rng.pick(KEY_POOL))
            } else {
                format!("({})[:2]", k.code)
            };
            match self.rng.below(4) {
                0 if !sc.freeze_dicts => {
                    self.line(format!("if {key} in {d}:"));
                    self.line(format!("    del {d}[{key}]"));
                }
                1 if !sc.freeze_dicts => {
                    let e = self.expr(sc, &Ty::Int, 2);
                    self.line(format!("mix({d}.pop({key}, {}))", self.store(&Ty::Int, e)));
                }
                2 => {
                    let e = self.expr(sc, &Ty::Int, 2);
                    let code = self.store(&Ty::Int, e);
                    if sc.freeze_dicts {
                        self.line(format!("if {key} in {d}:"));
                        self.line(format!("    {d}[{key}] = {code}"));
                    } else {
                        self.line(format!("{d}[{key}] = {code}"));
                    }
                }
                _ => {
                    self.line(format!("mix({d}[{key}])"));
                }
            }
            return;
        }
        let Some(l) = (!lists.is_empty()).then(|| self.rng.pick(&lists).clone()) else {
            self.declare(sc, Ty::ListInt);
            return;
        };
        let elem = if l.ty == Ty::ListInt {
            Ty::Int
        } else {
            Ty::Str
        };
        let e = self.expr(sc, &elem, 2);
        let val = self.store(&elem, e);
        let name = &l.name;
        match self.rng.below(7) {
            0 | 1 => {
                self.line(format!("if len({name}) < 20:"));
                self.line(format!("    {name}.append({val})"));
            }
            2 => {
                let i = self.expr(sc, &Ty::Int, 1);
                self.line(format!("{name}[{}] = {val}", i.code));
            }
            3 => {
                self.line(format!("if {name}:"));
                if elem == Ty::Int {
                    self.line(format!("    mix({name}.pop())"));
                } else {
                    self.line(format!("    print({name}.pop(0))"));
                }
            }
            4 => {
                let i = self.expr(sc, &Ty::Int, 1);
                self.line(format!("if len({name}) < 20:"));
                self.line(format!("    {name}.insert({}, {val})", i.code));
            }
            5 => self.line(format!("{name}.sort()")),
            _ => {
                self.line(format!("{name}.reverse()"));
            }
        }
    }

    fn aug_stmt(&mut self, sc: &mut Scope) {
        if self.rng.chance(40) && self.aug_target_stmt(sc) {
            return;
        }
        let ints = self.visible(sc, |v| v.assignable && v.ty == Ty::Int);
        let strs = self.visible(sc, |v| v.assignable && v.ty == Ty::Str);
        if !ints.is_empty() && (strs.is_empty() || self.rng.chance(65)) {
            let v = self.rng.pick(&ints).clone();
            if v.global {
                sc.globals_assigned.insert(v.name.clone());
            }
            let e = self.expr(sc, &Ty::Int, 2);
            let e = self.store(&Ty::Int, e);
            let op = self.rng.pick(&["+=", "-=", "*=", "^=", "|="]);
            self.line(format!("{} {op} {e}", v.name));
            self.line(format!("{} %= {MODULUS}", v.name));
        } else if let Some(v) = (!strs.is_empty()).then(|| self.rng.pick(&strs).clone()) {
            if v.global {
                sc.globals_assigned.insert(v.name.clone());
            }
            let e = self.expr(sc, &Ty::Str, 2);
            self.line(format!("{} += {}", v.name, e.code));
            self.line(format!("{} = {}[-12:]", v.name, v.name));
        } else {
            self.declare(sc, Ty::Str);
        }
    }

    /// `xs[i] += e`, `d[k] -= e`, `o.f += e`: the target's parts are evaluated
    /// once, before the value (taps show the order). Returns false when no
    /// list, dict or object is in scope.
    fn aug_target_stmt(&mut self, sc: &mut Scope) -> bool {
        let lists = self.visible(sc, |v| v.ty == Ty::ListInt);
        let dicts = self.visible(sc, |v| v.ty == Ty::DictStrInt && !sc.freeze_dicts);
        let objs = self.visible(sc, |v| matches!(v.ty, Ty::Obj(_)));
        let op = *self.rng.pick(&["+=", "-=", "*="]);
        let target = match self.rng.below(3) {
            0 if !lists.is_empty() => {
                let l = self.rng.pick(&lists).name.clone();
                let i = self.expr(sc, &Ty::Int, 1);
                let tag = self.tag();
                format!("{l}[ti(\"{tag}\", {} % 4)]", self.store(&Ty::Int, i))
            }
            1 if !dicts.is_empty() => {
                let d = self.rng.pick(&dicts).name.clone();
                let tag = self.tag();
                format!("{d}[ts(\"{tag}\", {:?})]", self.rng.pick(KEY_POOL))
            }
            _ if !objs.is_empty() => {
                let o = self.rng.pick(&objs).clone();
                let Ty::Obj(c) = o.ty else { return false };
                let ints: Vec<String> = self
                    .all_fields(c)
                    .into_iter()
                    .filter(|(_, t)| *t == Ty::Int)
                    .map(|(f, _)| f)
                    .collect();
                let f = self.rng.pick(&ints).clone();
                if self.rng.chance(50) {
                    let tag = self.tag();
                    format!("to(\"{tag}\", {}).a", o.name)
                } else {
                    format!("{}.{f}", o.name)
                }
            }
            _ => return false,
        };
        let e = self.expr(sc, &Ty::Int, 2);
        let e = self.small(e);
        let tag = self.tag();
        self.line(format!("{target} {op} ti(\"{tag}\", {})", e.code));
        self.line(format!("mix({target} % {MODULUS})"));
        // Keep the stored value in range (the target read again: taps say so).
        self.line(format!("{target} %= {MODULUS}"));
        true
    }

    fn field_stmt(&mut self, sc: &mut Scope) {
        let objs = self.visible(sc, |v| matches!(v.ty, Ty::Obj(_)));
        let Some(o) = (!objs.is_empty()).then(|| self.rng.pick(&objs).clone()) else {
            self.print_stmt(sc);
            return;
        };
        let Ty::Obj(c) = o.ty else { return };
        let fields = self.all_fields(c);
        let (f, ty) = self.rng.pick(&fields).clone();
        let e = self.expr(sc, &ty, 2);
        let code = self.store(&ty, e);
        self.line(format!("{}.{f} = {code}", o.name));
    }

    fn if_stmt(&mut self, sc: &mut Scope) {
        let cond = self.expr(sc, &Ty::Bool, 3);
        self.line(format!("if {}:", cond.code));
        let n = 1 + self.rng.below(3);
        self.body(sc, n);
        if self.rng.chance(30) {
            let c2 = self.expr(sc, &Ty::Bool, 2);
            self.line(format!("elif {}:", c2.code));
            let n = 1 + self.rng.below(2);
            self.body(sc, n);
        }
        if self.rng.chance(50) {
            self.line("else:");
            let n = 1 + self.rng.below(2);
            self.body(sc, n);
        }
    }

    fn enter_loop(&mut self, sc: &mut Scope, iterations: f64) -> (f64, bool) {
        let saved = (sc.mult, sc.freeze_dicts);
        sc.mult *= iterations;
        sc.loops += 1;
        saved
    }

    fn leave_loop(&mut self, sc: &mut Scope, saved: (f64, bool)) {
        sc.mult = saved.0;
        sc.freeze_dicts = saved.1;
        sc.loops -= 1;
    }

    fn for_stmt(&mut self, sc: &mut Scope) {
        let mark = sc.vars.len();
        let v = self.fresh(sc, "i");
        match self.rng.below(5) {
            0 | 1 => {
                let n = self.rng.int_in(0, 4);
                let range = if self.rng.chance(30) {
                    let e = self.expr(sc, &Ty::Int, 1);
                    format!("{}, {} % 4 + {n}", n - 2, e.code)
                } else {
                    n.to_string()
                };
                self.line(format!("for {v} in range({range}):"));
                sc.vars.push(Var {
                    name: v,
                    ty: Ty::Int,
                    assignable: false,
                    global: false,
                });
                let saved = self.enter_loop(sc, 4.0);
                let n = 1 + self.rng.below(3);
                self.body(sc, n);
                self.leave_loop(sc, saved);
            }
            2 => {
                let l = self.expr(sc, &Ty::ListInt, 1);
                self.line(format!("for {v} in {}:", l.code));
                sc.vars.push(Var {
                    name: v,
                    ty: Ty::Int,
                    assignable: false,
                    global: false,
                });
                let saved = self.enter_loop(sc, 20.0);
                let n = 1 + self.rng.below(3);
                self.body(sc, n);
                self.leave_loop(sc, saved);
            }
            3 => {
                let s = self.expr(sc, &Ty::Str, 1);
                self.line(format!("for {v} in {}:", s.code));
                sc.vars.push(Var {
                    name: v,
                    ty: Ty::Str,
                    assignable: false,
                    global: false,
                });
                let saved = self.enter_loop(sc, 12.0);
                let n = 1 + self.rng.below(2);
                self.body(sc, n);
                self.leave_loop(sc, saved);
            }
            _ => {
                let d = self.expr(sc, &Ty::DictStrInt, 1);
                let val = self.fresh(sc, "w");
                if self.rng.chance(50) {
                    self.line(format!("for {v}, {val} in {}.items():", d.code));
                    sc.vars.push(Var {
                        name: val,
                        ty: Ty::Int,
                        assignable: false,
                        global: false,
                    });
                } else {
                    self.line(format!("for {v} in {}:", d.code));
                }
                sc.vars.push(Var {
                    name: v,
                    ty: Ty::Str,
                    assignable: false,
                    global: false,
                });
                let saved = self.enter_loop(sc, 6.0);
                sc.freeze_dicts = true;
                let n = 1 + self.rng.below(2);
                self.body(sc, n);
                self.leave_loop(sc, saved);
            }
        }
        sc.vars.truncate(mark);
    }

    fn while_stmt(&mut self, sc: &mut Scope) {
        let w = self.fresh(sc, "n");
        let bound = self.rng.int_in(1, 4);
        self.line(format!("{w} = 0"));
        self.line(format!("while {w} < {bound}:"));
        self.line(format!("    {w} += 1"));
        let mark = sc.vars.len();
        sc.vars.push(Var {
            name: w,
            ty: Ty::Int,
            assignable: false,
            global: false,
        });
        let saved = self.enter_loop(sc, bound as f64);
        let n = 1 + self.rng.below(3);
        self.body(sc, n);
        self.leave_loop(sc, saved);
        sc.vars.truncate(mark);
    }

    fn try_stmt(&mut self, sc: &mut Scope) {
        self.line("try:");
        let n = 1 + self.rng.below(3);
        self.indent += 1;
        let before = self.lines.len();
        self.block(sc, n);
        if self.rng.chance(25) {
            self.raise_stmt(sc);
        } else if self.lines.len() == before {
            self.line("pass");
        }
        self.indent -= 1;
        let handlers = self.rng.chance(80);
        if handlers {
            self.handlers(sc, false);
            if self.rng.chance(30) {
                sc.fresh += 1;
                self.line(format!("except Exception as x{}:", sc.fresh));
                self.line(format!("    print(\"caught\", str(x{}))", sc.fresh));
            }
            if self.rng.chance(30) {
                self.line("else:");
                self.body(sc, 1);
            }
        }
        if !handlers || self.rng.chance(35) {
            self.line("finally:");
            // A finally block without a return or jump: its body must not cut the exception short.
            let saved = sc.loops;
            sc.loops = 0;
            self.indent += 1;
            let e = self.expr(sc, &Ty::Int, 2);
            let code = self.store(&Ty::Int, e);
            self.line(format!("mix({code})"));
            self.indent -= 1;
            sc.loops = saved;
        }
    }

    fn narrow_stmt(&mut self, sc: &mut Scope) {
        let opts = self.visible(sc, |v| matches!(v.ty, Ty::Opt(_)));
        let objs = self.visible(sc, |v| matches!(v.ty, Ty::Obj(_)));
        if !opts.is_empty() && (objs.is_empty() || self.rng.chance(50)) {
            let o = self.rng.pick(&opts).clone();
            let Ty::Opt(c) = o.ty else { return };
            self.line(format!("if {} is not None:", o.name));
            let mark = sc.vars.len();
            sc.vars.push(Var {
                name: o.name.clone(),
                ty: Ty::Obj(c),
                assignable: false,
                global: o.global,
            });
            let n = 1 + self.rng.below(2);
            self.body(sc, n);
            sc.vars.truncate(mark);
            if self.rng.chance(40) {
                self.line("else:");
                self.body(sc, 1);
            }
            return;
        }
        if let Some(o) = (!objs.is_empty()).then(|| self.rng.pick(&objs).clone()) {
            let Ty::Obj(c) = o.ty else { return };
            let subs: Vec<usize> = (0..self.classes.len())
                .filter(|&d| d != c && self.is_sub(d, c))
                .collect();
            if subs.is_empty() {
                self.field_stmt(sc);
                return;
            }
            let d = *self.rng.pick(&subs);
            self.line(format!(
                "if isinstance({}, {}):",
                o.name, self.classes[d].name
            ));
            let mark = sc.vars.len();
            sc.vars.push(Var {
                name: o.name.clone(),
                ty: Ty::Obj(d),
                assignable: false,
                global: o.global,
            });
            let n = 1 + self.rng.below(2);
            self.body(sc, n);
            sc.vars.truncate(mark);
            return;
        }
        self.declare(sc, Ty::Opt(0));
    }

    // ---- expressions --------------------------------------------------

    /// A tap around `e`: records a tag when evaluated.
    fn tap(&mut self, ty: &Ty, e: E) -> E {
        let f = match ty {
            Ty::Int => "ti",
            Ty::Str => "ts",
            Ty::Bool => "tb",
            Ty::Float => "tf",
            Ty::ListInt => "tl",
            Ty::DictStrInt => "td",
            _ => return e,
        };
        let tag = self.tag();
        E::new(format!("{f}(\"{tag}\", {})", e.code), e.bound)
    }

    fn expr(&mut self, sc: &mut Scope, ty: &Ty, depth: u32) -> E {
        let e = self.expr_inner(sc, ty, depth);
        if self.rng.chance(12) {
            sc.cost += sc.mult;
            self.tap(ty, e)
        } else {
            e
        }
    }

    fn var_or_literal(&mut self, sc: &mut Scope, ty: &Ty) -> E {
        let vars = self.vars_of(sc, ty);
        if !vars.is_empty() && self.rng.chance(75) {
            let v = self.rng.pick(&vars).clone();
            let bound = match ty {
                Ty::Int | Ty::Float => ATOM,
                _ => MAX_LEN,
            };
            return E::new(v.name, bound);
        }
        self.leaf(sc, ty)
    }

    fn leaf(&mut self, sc: &mut Scope, ty: &Ty) -> E {
        match ty {
            Ty::Int => E::new(self.literal(ty), 100.0),
            Ty::Float => E::new(self.literal(ty), 10.0),
            Ty::Bool => E::new(self.literal(ty), 1.0),
            Ty::Str => {
                let l = self.literal(ty);
                E::new(l, 6.0)
            }
            // Never empty: an empty display has no element type to infer.
            Ty::ListInt => {
                let n = 1 + self.rng.below(3);
                let items: Vec<String> = (0..n).map(|_| self.literal(&Ty::Int)).collect();
                E::new(format!("[{}]", items.join(", ")), n as f64)
            }
            Ty::ListStr => {
                let n = 1 + self.rng.below(3);
                let items: Vec<String> = (0..n).map(|_| self.literal(&Ty::Str)).collect();
                E::new(format!("[{}]", items.join(", ")), n as f64)
            }
            Ty::DictStrInt => {
                let n = 1 + self.rng.below(3);
                let items: Vec<String> = (0..n)
                    .map(|_| format!("{:?}: {}", self.rng.pick(KEY_POOL), self.literal(&Ty::Int)))
                    .collect();
                E::new(format!("{{{}}}", items.join(", ")), n as f64)
            }
            Ty::Pair => {
                let a = self.literal(&Ty::Int);
                let b = self.literal(&Ty::Str);
                E::new(format!("({a}, {b})"), 2.0)
            }
            Ty::Obj(c) => self.construct(sc, *c, 0),
            Ty::Opt(_) => E::new("None", 0.0),
            Ty::OptInt => {
                if self.rng.chance(40) {
                    E::new("None", 0.0)
                } else {
                    E::new(self.literal(&Ty::Int), 100.0)
                }
            }
        }
    }

    /// `C(...)` for class `c` or a subclass.
    fn construct(&mut self, sc: &mut Scope, c: usize, depth: u32) -> E {
        let subs: Vec<usize> = (0..self.classes.len())
            .filter(|&d| self.is_sub(d, c))
            .collect();
        let d = *self.rng.pick(&subs);
        let fields = self.all_fields(d);
        let defaults = self.classes[d].init_defaults.clone();
        let mut named: Vec<(String, String)> = Vec::new();
        let mut leading = 0;
        let mut gap = false;
        for ((f, ty), def) in fields.iter().zip(&defaults) {
            if def.is_some() && self.rng.chance(40) {
                gap = true;
                continue;
            }
            let e = if depth > 0 {
                self.expr(sc, ty, depth - 1)
            } else {
                self.var_or_literal(sc, ty)
            };
            named.push((f.clone(), self.store(ty, e)));
            if !gap {
                leading += 1;
            }
        }
        sc.cost += sc.mult;
        let name = self.classes[d].name.clone();
        E::new(self.call_text(&name, &Args { named, leading }), 0.0)
    }

    /// A call: a prefix positionally, the rest as keywords in a shuffled order.
    fn call_text(&mut self, callee: &str, args: &Args) -> String {
        let positional = self.rng.below(args.leading + 1);
        let mut parts: Vec<String> = args.named[..positional]
            .iter()
            .map(|(_, v)| v.clone())
            .collect();
        let mut kws: Vec<(String, String)> = args.named[positional..].to_vec();
        self.shuffle(&mut kws);
        parts.extend(kws.into_iter().map(|(k, v)| format!("{k}={v}")));
        format!("{callee}({})", parts.join(", "))
    }

    /// A call of function `f` (its result's text).
    fn call_fn(&mut self, sc: &mut Scope, f: usize) -> String {
        let sig = self.fns[f].clone();
        sc.cost += sc.mult * sig.cost;
        let args = self.args_for(sc, &sig.params, 0);
        self.call_text(&sig.name, &args)
    }

    /// Arguments for `params[skip..]`: `(name, text)` for each given one
    /// (defaults are sometimes left out), and how many lead without a gap
    /// (only those may be passed positionally).
    fn args_for(&mut self, sc: &mut Scope, params: &[Param], skip: usize) -> Args {
        let mut args = Vec::new();
        let mut leading = 0;
        let mut gap = false;
        for p in &params[skip..] {
            if p.default.is_some() && self.rng.chance(35) {
                gap = true;
                continue;
            }
            let e = self.expr(sc, &p.ty, 1);
            args.push((p.name.clone(), self.store(&p.ty, e)));
            if !gap {
                leading += 1;
            }
        }
        Args {
            named: args,
            leading,
        }
    }

    fn callable_fns(&self, sc: &Scope, ty: &Ty) -> Vec<usize> {
        (0..sc.callable_fns)
            .filter(|&f| {
                self.fits(&self.fns[f].ret, ty) && sc.cost + sc.mult * self.fns[f].cost <= BUDGET
            })
            .collect()
    }

    /// Methods callable on a receiver of class `c` from the current scope, returning `ty`.
    fn callable_slots(&self, sc: &Scope, c: usize, ty: &Ty) -> Vec<usize> {
        (0..self.slots.len())
            .filter(|&k| {
                self.has_slot(c, k)
                    && self.fits(&self.slots[k].ret, ty)
                    && sc.method.is_none_or(|(_, cur)| k < cur)
                    && sc.cost + sc.mult * self.slots[k].cost <= BUDGET
            })
            .collect()
    }

    fn expr_inner(&mut self, sc: &mut Scope, ty: &Ty, depth: u32) -> E {
        if depth == 0 || self.rng.chance(20) {
            return self.var_or_literal(sc, ty);
        }
        // Calls first: a function, a method, a field.
        let r = self.rng.below(10);
        if r == 0 {
            let fs = self.callable_fns(sc, ty);
            if !fs.is_empty() {
                let f = *self.rng.pick(&fs);
                let code = self.call_fn(sc, f);
                let bound = match ty {
                    Ty::Int | Ty::Float => ATOM,
                    _ => MAX_LEN,
                };
                return E::new(code, bound);
            }
        }
        if r == 1
            && let Some(e) = self.method_call(sc, ty)
        {
            return e;
        }
        if r == 2
            && let Some(e) = self.field_read(sc, ty)
        {
            return e;
        }
        if r == 4
            && self.rng.chance(40)
            && let Some(e) = self.comprehension_expr(sc, ty, depth)
        {
            return e;
        }
        if r == 5
            && self.rng.chance(40)
            && let Some(e) = self.dunder_expr(sc, ty)
        {
            return e;
        }
        if r == 6
            && self.rng.chance(40)
            && let Some(e) = self.format_or_set_expr(sc, ty, depth)
        {
            return e;
        }
        if r == 7
            && self.rng.chance(50)
            && let Some(e) = self.opt_int_expr(sc, ty)
        {
            return e;
        }
        if r == 3 && self.rng.chance(50) {
            // A conditional expression.
            let c = self.expr(sc, &Ty::Bool, depth - 1);
            let a = self.expr(sc, ty, depth - 1);
            let b = self.expr(sc, ty, depth - 1);
            if !matches!(ty, Ty::Obj(_) | Ty::Opt(_)) {
                return E::new(
                    format!("({} if {} else {})", a.code, c.code, b.code),
                    a.bound.max(b.bound),
                );
            }
        }
        match ty {
            Ty::Int => self.int_expr(sc, depth),
            Ty::Float => self.float_expr(sc, depth),
            Ty::Bool => self.bool_expr(sc, depth),
            Ty::Str => self.str_expr(sc, depth),
            Ty::ListInt => self.list_expr(sc, depth),
            Ty::ListStr => self.list_str_expr(sc, depth),
            Ty::DictStrInt => {
                if self.rng.chance(30) {
                    let d = self.var_or_literal(sc, ty);
                    E::new(format!("{}.copy()", d.code), d.bound)
                } else {
                    self.var_or_literal(sc, ty)
                }
            }
            Ty::Pair => {
                if self.rng.chance(60) {
                    let a = self.expr(sc, &Ty::Int, depth - 1);
                    let b = self.expr(sc, &Ty::Str, depth - 1);
                    E::new(
                        format!("({}, {})", self.store(&Ty::Int, a), self.store(&Ty::Str, b)),
                        2.0,
                    )
                } else {
                    self.var_or_literal(sc, ty)
                }
            }
            Ty::Obj(c) => {
                if self.rng.chance(50) {
                    self.construct(sc, *c, depth - 1)
                } else {
                    self.var_or_literal(sc, ty)
                }
            }
            Ty::Opt(c) => {
                let c = *c;
                match self.rng.below(3) {
                    0 => E::new("None", 0.0),
                    1 => self.expr(sc, &Ty::Obj(c), depth - 1),
                    _ => self.var_or_literal(sc, ty),
                }
            }
            Ty::OptInt => match self.rng.below(3) {
                0 => E::new("None", 0.0),
                1 => {
                    let e = self.expr(sc, &Ty::Int, depth - 1);
                    E::new(self.store(&Ty::Int, e), ATOM)
                }
                _ => self.var_or_literal(sc, ty),
            },
        }
    }

    /// An `int` or `bool` read from an `int | None` in scope, narrowed by a test
    /// of `None` in a conditional expression.
    fn opt_int_expr(&mut self, sc: &mut Scope, ty: &Ty) -> Option<E> {
        let vars = self.visible(sc, |v| v.ty == Ty::OptInt);
        if vars.is_empty() {
            return None;
        }
        let v = self.rng.pick(&vars).name.clone();
        let k = self.rng.int_in(-5, 50);
        match ty {
            Ty::Int => Some(match self.rng.below(3) {
                0 => E::new(format!("({v} if {v} is not None else {k})"), ATOM),
                1 => E::new(format!("({k} if {v} is None else {v} * 2)"), 2.0 * ATOM),
                _ => E::new(format!("({v} or {k})"), ATOM),
            }),
            Ty::Bool => Some(E::new(
                match self.rng.below(3) {
                    0 => format!("({v} is None)"),
                    1 => format!("({v} is not None and {v} > {k})"),
                    _ => format!("({v} == {k})"),
                },
                0.0,
            )),
            Ty::Str => Some(E::new(format!("str({v})"), 12.0)),
            _ => None,
        }
    }

    /// A `str` made by a format spec (f-string, `format`, `%`), or an `int` or
    /// `list[int]` made through a `set[int]` (whose iteration order follows
    /// CPython's table for `int`s, negative ones included).
    fn format_or_set_expr(&mut self, sc: &mut Scope, ty: &Ty, depth: u32) -> Option<E> {
        let d = depth - 1;
        match ty {
            Ty::Str => {
                let (vty, specs): (Ty, &[&str]) = match self.rng.below(3) {
                    0 => (
                        Ty::Int,
                        &[
                            "5d", "+", "x", ">6", "_", "08b", "<4", "^7", "o", "X", ",", "+05",
                        ],
                    ),
                    1 => (
                        Ty::Float,
                        &[
                            ".2f", "e", "g", "10.3f", ".1%", "+.0f", ">9.2e", ".3g", "_.1f",
                        ],
                    ),
                    _ => (Ty::Str, &[">6", "^7", "*<4", "", ".2", "-^5"]),
                };
                let spec = *self.rng.pick(specs);
                let v = self.expr(sc, &vty, d);
                let v = self.store(&vty, v);
                // Python 3.11 allows no quote, backslash or '#' inside an f-string's braces.
                let plain = !v.contains(['"', '\'', '\\', '#']);
                let code = match self.rng.below(3) {
                    0 if plain => format!("f\"[{{{v}:{spec}}}]\""),
                    0 => format!("format({v}, \"{spec}\")"),
                    1 => format!("format({v}, \"{spec}\")"),
                    _ => match vty {
                        Ty::Int => format!("(\"%5d|%-4d|%x\" % ({v}, {v}, {v}))"),
                        Ty::Float => format!("(\"%.3f|%8.2e|%g\" % ({v}, {v}, {v}))"),
                        _ => format!("(\"%s|%r|%6s\" % ({v}, {v}, {v}))"),
                    },
                };
                Some(E::new(code, 80.0))
            }
            Ty::Int => {
                let xs = self.expr(sc, &Ty::ListInt, d.min(2));
                let xs = self.store(&Ty::ListInt, xs);
                Some(match self.rng.below(3) {
                    0 => E::new(format!("len(set({xs}))"), MAX_LEN),
                    1 => E::new(format!("(sum(set({xs})) % {MODULUS})"), ATOM),
                    _ => {
                        let x = self.expr(sc, &Ty::Int, d.min(2));
                        E::new(format!("int({} in set({xs}))", x.code), 1.0)
                    }
                })
            }
            Ty::ListInt => {
                let xs = self.expr(sc, &Ty::ListInt, d.min(2));
                let n = xs.bound.min(MAX_LEN);
                let xs = self.store(&Ty::ListInt, xs);
                Some(match self.rng.below(3) {
                    // Iteration order: CPython's hash table order for these ints.
                    0 => E::new(format!("list(set({xs}))"), n),
                    1 => E::new(
                        format!("[c for c in {{-1, -2, 7, 8, 16, 0}} | set({xs})]"),
                        n + 6.0,
                    ),
                    _ => E::new(format!("sorted(set({xs}) - {{1, 2, 3}})"), n),
                })
            }
            _ => None,
        }
    }

    /// An expression of type `ty` that runs a dunder method of an instance in
    /// scope: `==`/`!=` (`__eq__`), truth and `len` (`__len__`), `str` and
    /// f-strings (`__str__`).
    fn dunder_expr(&mut self, sc: &mut Scope, ty: &Ty) -> Option<E> {
        let objs = self.visible(sc, |v| matches!(v.ty, Ty::Obj(_)));
        if objs.is_empty() {
            return None;
        }
        let a = self.rng.pick(&objs).name.clone();
        let b = self.rng.pick(&objs).name.clone();
        match ty {
            Ty::Bool => Some(E::new(
                match self.rng.below(4) {
                    0 => format!("({a} == {b})"),
                    1 => format!("({a} != {b})"),
                    2 => format!("bool({a})"),
                    _ => format!("(not {a})"),
                },
                0.0,
            )),
            Ty::Int => Some(E::new(format!("len({a})"), MAX_LEN)),
            Ty::Str => Some(E::new(
                if self.rng.chance(50) {
                    format!("str({a})")
                } else {
                    format!("f\"<{{{a}}}>\"")
                },
                MAX_LEN * 4.0,
            )),
            _ => None,
        }
    }

    /// An expression of type `ty` built on a comprehension, when there is one:
    /// `sum(...)` and `len([...])` for an `int`, `any(...)`/`all(...)` for a
    /// `bool`, a list comprehension for a `list[int]`, `"".join([...])` for a
    /// `str`; the generator expressions are passed straight to the builtin.
    fn comprehension_expr(&mut self, sc: &mut Scope, ty: &Ty, depth: u32) -> Option<E> {
        let d = depth - 1;
        match ty {
            Ty::Int => {
                if self.rng.chance(70) {
                    let brackets = self.rng.chance(50);
                    let (text, n, bound) = self.comprehension(sc, d, &Ty::Int, brackets);
                    let sum = format!("sum({text})");
                    Some(if n * bound > ATOM {
                        E::new(format!("({sum} % {MODULUS})"), ATOM)
                    } else {
                        E::new(sum, n * bound)
                    })
                } else {
                    let (text, n, _) = self.comprehension(sc, d, &Ty::Int, true);
                    Some(E::new(format!("len({text})"), n))
                }
            }
            Ty::Bool => {
                let f = *self.rng.pick(&["any", "all"]);
                let brackets = self.rng.chance(30);
                let (text, _, _) = self.comprehension(sc, d, &Ty::Bool, brackets);
                Some(E::new(format!("{f}({text})"), 0.0))
            }
            Ty::ListInt => {
                let (text, n, _) = self.comprehension(sc, d, &Ty::Int, true);
                Some(E::new(text, n))
            }
            Ty::Str => {
                let (text, n, bound) = self.comprehension(sc, d, &Ty::Str, true);
                Some(E::new(format!("\"\".join({text})"), n * bound))
            }
            _ => None,
        }
    }

    /// A comprehension over a `list[int]` (`[ELEM for V in XS if COND]`, or a
    /// generator expression without the brackets): the element and the filter
    /// see a fresh variable bound to each item. Returns the text, the most items
    /// it yields, and the bound of one element.
    fn comprehension(
        &mut self,
        sc: &mut Scope,
        d: u32,
        elem_ty: &Ty,
        brackets: bool,
    ) -> (String, f64, f64) {
        let xs = self.expr(sc, &Ty::ListInt, d.min(2));
        let n = xs.bound.min(MAX_LEN);
        let xs = self.store(&Ty::ListInt, xs);
        let mark = sc.vars.len();
        let v = self.fresh(sc, "c");
        sc.vars.push(Var {
            name: v.clone(),
            ty: Ty::Int,
            assignable: false,
            global: false,
        });
        let saved = self.enter_loop(sc, n.max(1.0));
        let no_super = std::mem::replace(&mut sc.no_super, true);
        let cond = if self.rng.chance(50) {
            let c = self.expr(sc, &Ty::Bool, d.min(2));
            format!(" if {}", c.code)
        } else {
            String::new()
        };
        let elem = self.expr(sc, elem_ty, d.min(2));
        let bound = match elem_ty {
            Ty::Int | Ty::Float => elem.bound.min(ATOM),
            _ => elem.bound.min(MAX_LEN),
        };
        let elem = self.store(elem_ty, elem);
        sc.no_super = no_super;
        self.leave_loop(sc, saved);
        sc.vars.truncate(mark);
        let body = format!("{elem} for {v} in {xs}{cond}");
        let text = if brackets { format!("[{body}]") } else { body };
        (text, n, bound)
    }

    fn method_call(&mut self, sc: &mut Scope, ty: &Ty) -> Option<E> {
        let objs = self.visible(sc, |v| matches!(v.ty, Ty::Obj(_)));
        if objs.is_empty() {
            return None;
        }
        let o = self.rng.pick(&objs).clone();
        let Ty::Obj(c) = o.ty else { return None };
        // Inside a method, `super().m(...)` on self for the slot being overridden.
        if let (Some((mc, k)), "self", false) = (sc.method, o.name.as_str(), sc.no_super)
            && let Some(p) = self.classes[mc].parent
            && self.has_slot(p, k)
            && self.fits(&self.slots[k].ret, ty)
            && self.rng.chance(50)
        {
            let sig = self.slots[k].clone();
            sc.cost += sc.mult * sig.cost;
            let args = self.args_for(sc, &sig.params, 0);
            let text = if self.rng.chance(70) {
                self.call_text(&format!("super().{}", sig.name), &args)
            } else {
                let pname = self.classes[p].name.clone();
                let text = self.call_text(&format!("{pname}.{}", sig.name), &args);
                match text.strip_suffix("()") {
                    Some(head) => format!("{head}(self)"),
                    None => text.replacen('(', "(self, ", 1),
                }
            };
            return Some(E::new(text, self.bound_of(ty)));
        }
        let ks = self.callable_slots(sc, c, ty);
        if ks.is_empty() {
            return None;
        }
        let k = *self.rng.pick(&ks);
        let sig = self.slots[k].clone();
        sc.cost += sc.mult * sig.cost;
        let args = self.args_for(sc, &sig.params, 0);
        let recv = if self.rng.chance(25) && self.slot_owner[k] == 0 {
            // A receiver with an effect of its own, evaluated before the arguments.
            let tag = self.tag();
            format!("to(\"{tag}\", {})", o.name)
        } else {
            o.name.clone()
        };
        let text = self.call_text(&format!("{recv}.{}", sig.name), &args);
        Some(E::new(text, self.bound_of(ty)))
    }

    fn bound_of(&self, ty: &Ty) -> f64 {
        match ty {
            Ty::Int | Ty::Float => ATOM,
            _ => MAX_LEN,
        }
    }

    fn field_read(&mut self, sc: &mut Scope, ty: &Ty) -> Option<E> {
        let objs = self.visible(sc, |v| matches!(v.ty, Ty::Obj(_)));
        let mut options = Vec::new();
        for o in &objs {
            let Ty::Obj(c) = o.ty else { continue };
            for (f, fty) in self.all_fields(c) {
                if self.fits(&fty, ty) {
                    options.push(format!("{}.{f}", o.name));
                }
            }
        }
        if options.is_empty() {
            return None;
        }
        let code = self.rng.pick(&options).clone();
        Some(E::new(code, self.bound_of(ty)))
    }

    fn int_expr(&mut self, sc: &mut Scope, depth: u32) -> E {
        let d = depth - 1;
        match self.rng.below(20) {
            0..=3 => {
                let a = self.expr(sc, &Ty::Int, d);
                let b = self.expr(sc, &Ty::Int, d);
                let op = self.rng.pick(&["+", "-"]);
                E::new(format!("({} {op} {})", a.code, b.code), a.bound + b.bound)
            }
            4 | 5 => {
                let a = self.expr(sc, &Ty::Int, d);
                let b = self.expr(sc, &Ty::Int, d);
                let a = self.small(a);
                let b = self.small(b);
                E::new(
                    format!("({} * {}) % {MODULUS}", a.code, b.code),
                    1_000_003.0,
                )
            }
            6 => {
                let a = self.expr(sc, &Ty::Int, d);
                let b = self.expr(sc, &Ty::Int, d);
                let op = self.rng.pick(&["//", "%"]);
                if self.rng.chance(12) {
                    // May divide by zero.
                    E::new(format!("({} {op} {})", a.code, b.code), a.bound + b.bound)
                } else {
                    let k = self.rng.int_in(1, 9);
                    E::new(
                        format!("({} {op} ({} % {k} + 1))", a.code, b.code),
                        a.bound + 10.0,
                    )
                }
            }
            7 => {
                let a = self.expr(sc, &Ty::Int, d);
                let b = self.expr(sc, &Ty::Int, d);
                let (a, b) = (self.small(a), self.small(b));
                let op = self.rng.pick(&["&", "|", "^"]);
                E::new(
                    format!("({} {op} {})", a.code, b.code),
                    2.0 * a.bound.max(b.bound) + 2.0,
                )
            }
            8 => {
                let a = self.expr(sc, &Ty::Int, d);
                let a = self.small(a);
                let b = self.expr(sc, &Ty::Int, d);
                let op = self.rng.pick(&["<<", ">>"]);
                E::new(
                    format!("({} {op} ({} % 6))", a.code, b.code),
                    a.bound * 64.0,
                )
            }
            9 => {
                let a = self.expr(sc, &Ty::Int, d);
                let f = self.rng.pick(&["abs", "-"]);
                if *f == "-" {
                    E::new(format!("(-{})", a.code), a.bound)
                } else {
                    E::new(format!("abs({})", a.code), a.bound)
                }
            }
            10 => {
                let a = self.expr(sc, &Ty::Int, d);
                let b = self.expr(sc, &Ty::Int, d);
                let f = self.rng.pick(&["min", "max"]);
                E::new(format!("{f}({}, {})", a.code, b.code), a.bound.max(b.bound))
            }
            11 => {
                let k = self.rng.below(3);
                match k {
                    0 => {
                        let l = self.expr(sc, &Ty::ListInt, d);
                        E::new(format!("len({})", l.code), 1000.0)
                    }
                    1 => {
                        let s = self.expr(sc, &Ty::Str, d);
                        E::new(format!("len({})", s.code), 1000.0)
                    }
                    _ => {
                        let m = self.expr(sc, &Ty::DictStrInt, d);
                        E::new(format!("len({})", m.code), 1000.0)
                    }
                }
            }
            12 => {
                // Indexing: sometimes out of range (IndexError), sometimes guarded.
                let l = self.var_or_literal(sc, &Ty::ListInt);
                let i = self.expr(sc, &Ty::Int, d);
                if self.rng.chance(25) {
                    E::new(format!("{}[{} % 5 - 2]", l.code, i.code), ATOM)
                } else {
                    E::new(
                        format!(
                            "({}[{} % len({})] if {} else 0)",
                            l.code, i.code, l.code, l.code
                        ),
                        ATOM,
                    )
                }
            }
            13 => {
                let m = self.var_or_literal(sc, &Ty::DictStrInt);
                let k = format!("{:?}", self.rng.pick(KEY_POOL));
                if self.rng.chance(20) {
                    E::new(format!("{}[{k}]", m.code), ATOM)
                } else {
                    let dflt = self.expr(sc, &Ty::Int, d);
                    let dflt = self.store(&Ty::Int, dflt);
                    E::new(format!("{}.get({k}, {dflt})", m.code), ATOM)
                }
            }
            14 => {
                let s = self.expr(sc, &Ty::Str, d);
                match self.rng.below(6) {
                    0 => E::new(format!("int({})", s.code), 1e20),
                    1 => {
                        let t = self.expr(sc, &Ty::Str, d);
                        E::new(format!("{}.find({})", s.code, t.code), 1000.0)
                    }
                    2 => E::new(format!("ord(({} + \"?\")[0])", s.code), 1_200_000.0),
                    _ => {
                        let a = self.expr(sc, &Ty::Int, d);
                        E::new(format!("int(str({}))", a.code), a.bound)
                    }
                }
            }
            15 => {
                let f = self.expr(sc, &Ty::Float, d);
                E::new(format!("int({})", f.code), f.bound + 1.0)
            }
            16 => {
                let b = self.expr(sc, &Ty::Bool, d);
                E::new(format!("int({})", b.code), 1.0)
            }
            17 => {
                let p = self.var_or_literal(sc, &Ty::Pair);
                E::new(format!("{}[0]", p.code), ATOM)
            }
            18 => {
                let n = self.expr(sc, &Ty::Int, d);
                sc.cost += sc.mult * 8.0;
                E::new(format!("rec({} % 6, 1)", n.code), 1_000_003.0)
            }
            _ => {
                let a = self.expr(sc, &Ty::Int, d);
                let b = self.expr(sc, &Ty::Int, d);
                E::new(format!("({} or {})", a.code, b.code), a.bound.max(b.bound))
            }
        }
    }

    /// `e`, wrapped back into range when its bound is too large to multiply.
    fn small(&self, e: E) -> E {
        if e.bound > ATOM {
            E::new(format!("({}) % {MODULUS}", e.code), 1_000_003.0)
        } else {
            e
        }
    }

    fn float_expr(&mut self, sc: &mut Scope, depth: u32) -> E {
        let d = depth - 1;
        match self.rng.below(6) {
            0 => {
                let a = self.expr(sc, &Ty::Int, d);
                let a = self.small(a);
                E::new(format!("float({})", a.code), a.bound)
            }
            1 | 2 => {
                let a = self.expr(sc, &Ty::Float, d);
                let b = self.expr(sc, &Ty::Float, d);
                let op = self.rng.pick(&["+", "-"]);
                E::new(format!("({} {op} {})", a.code, b.code), a.bound + b.bound)
            }
            3 => {
                let a = self.expr(sc, &Ty::Float, d);
                let b = self.expr(sc, &Ty::Int, d);
                let b = self.small(b);
                if a.bound * b.bound > 1e12 {
                    return E::new(format!("({} - {})", a.code, b.code), a.bound + b.bound);
                }
                E::new(format!("({} * {})", a.code, b.code), a.bound * b.bound)
            }
            4 => {
                let a = self.expr(sc, &Ty::Float, d);
                let b = self.expr(sc, &Ty::Int, d);
                if self.rng.chance(12) {
                    E::new(format!("({} / {})", a.code, b.code), a.bound)
                } else {
                    E::new(format!("({} / ({} % 7 + 1))", a.code, b.code), a.bound)
                }
            }
            _ => {
                let a = self.expr(sc, &Ty::Int, d);
                let b = self.expr(sc, &Ty::Int, d);
                let b = self.small(b);
                E::new(format!("({} / ({} % 9 + 1))", a.code, b.code), a.bound)
            }
        }
    }

    fn bool_expr(&mut self, sc: &mut Scope, depth: u32) -> E {
        let d = depth - 1;
        let e = match self.rng.below(12) {
            0 | 1 => {
                let ty = self
                    .rng
                    .pick(&[Ty::Int, Ty::Int, Ty::Str, Ty::Float])
                    .clone();
                let a = self.expr(sc, &ty, d);
                let b = self.expr(sc, &ty, d);
                let op = self.rng.pick(&["<", "<=", ">", ">=", "==", "!="]);
                if self.rng.chance(25) {
                    let c = self.expr(sc, &ty, d);
                    let op2 = self.rng.pick(&["<", "<=", "==", "!="]);
                    format!("({} {op} {} {op2} {})", a.code, b.code, c.code)
                } else {
                    format!("({} {op} {})", a.code, b.code)
                }
            }
            2 => {
                let x = self.expr(sc, &Ty::Int, d);
                let l = self.expr(sc, &Ty::ListInt, d);
                let op = self.rng.pick(&["in", "not in"]);
                format!("({} {op} {})", x.code, l.code)
            }
            3 => {
                let k = self.expr(sc, &Ty::Str, d);
                let m = self.expr(sc, &Ty::DictStrInt, d);
                format!("({} in {})", k.code, m.code)
            }
            4 => {
                let a = self.expr(sc, &Ty::Str, d);
                let b = self.expr(sc, &Ty::Str, d);
                let op = self.rng.pick(&["in", "not in"]);
                format!("({} {op} {})", a.code, b.code)
            }
            5 => {
                let a = self.expr(sc, &Ty::Bool, d);
                let b = self.expr(sc, &Ty::Bool, d);
                let op = self.rng.pick(&["and", "or"]);
                format!("({} {op} {})", a.code, b.code)
            }
            6 => {
                let a = self.expr(sc, &Ty::Bool, d);
                format!("(not {})", a.code)
            }
            7 => {
                let c = self.rng.below(self.classes.len());
                let o = self.expr(sc, &Ty::Opt(c), d);
                let op = self.rng.pick(&["is None", "is not None"]);
                format!("({} {op})", o.code)
            }
            8 => {
                let objs = self.visible(sc, |v| matches!(v.ty, Ty::Obj(_) | Ty::Opt(_)));
                if objs.is_empty() {
                    return self.var_or_literal(sc, &Ty::Bool);
                }
                let o = self.rng.pick(&objs).clone();
                let (Ty::Obj(c) | Ty::Opt(c)) = o.ty else {
                    unreachable!()
                };
                let subs: Vec<usize> = (0..self.classes.len())
                    .filter(|&d| self.is_sub(d, c))
                    .collect();
                let d = *self.rng.pick(&subs);
                format!("isinstance({}, {})", o.name, self.classes[d].name)
            }
            9 => {
                let s = self.expr(sc, &Ty::Str, d);
                let t = self.expr(sc, &Ty::Str, d);
                let m = self.rng.pick(&["startswith", "endswith"]);
                format!("{}.{m}({})", s.code, t.code)
            }
            10 => {
                let s = self.expr(sc, &Ty::Str, d);
                let m = self
                    .rng
                    .pick(&["isdigit", "isalpha", "isspace", "islower", "isupper"]);
                format!("{}.{m}()", s.code)
            }
            _ => {
                let l = self.expr(sc, &Ty::ListInt, d);
                let m = self.expr(sc, &Ty::ListInt, d);
                let op = self.rng.pick(&["==", "!=", "<"]);
                format!("({} {op} {})", l.code, m.code)
            }
        };
        E::new(e, 1.0)
    }

    fn str_expr(&mut self, sc: &mut Scope, depth: u32) -> E {
        let d = depth - 1;
        match self.rng.below(14) {
            0 | 1 => {
                let a = self.expr(sc, &Ty::Str, d);
                let b = self.expr(sc, &Ty::Str, d);
                E::new(format!("({} + {})", a.code, b.code), a.bound + b.bound)
            }
            2 => {
                let ty = self
                    .rng
                    .pick(&[
                        Ty::Int,
                        Ty::Float,
                        Ty::Bool,
                        Ty::ListInt,
                        Ty::ListStr,
                        Ty::DictStrInt,
                        Ty::Pair,
                    ])
                    .clone();
                let a = self.expr(sc, &ty, d);
                let f = if self.rng.chance(30) { "repr" } else { "str" };
                let f = if matches!(ty, Ty::Int | Ty::Float | Ty::Str) {
                    f
                } else {
                    "str"
                };
                E::new(format!("{f}({})", a.code), 200.0)
            }
            3 => {
                let s = self.expr(sc, &Ty::Str, d);
                let a = self.rng.int_in(-4, 4);
                let b = self.rng.int_in(-4, 6);
                let form = match self.rng.below(4) {
                    0 => format!("[{a}:{b}]"),
                    1 => format!("[{a}:]"),
                    2 => format!("[::{}]", self.rng.pick(&["-1", "2", "-2"])),
                    _ => format!("[:{b}]"),
                };
                E::new(format!("{}{form}", s.code), s.bound)
            }
            4 => {
                let s = self.expr(sc, &Ty::Str, d);
                let i = self.expr(sc, &Ty::Int, d);
                if self.rng.chance(25) {
                    E::new(format!("{}[{} % 4 - 1]", s.code, i.code), 1.0)
                } else {
                    E::new(format!("({} + \"?\")[{} % 4 - 1]", s.code, i.code), 1.0)
                }
            }
            5 => {
                let s = self.expr(sc, &Ty::Str, d);
                let m = self
                    .rng
                    .pick(&["upper", "lower", "strip", "lstrip", "rstrip"]);
                E::new(format!("{}.{m}()", s.code), s.bound * 2.0)
            }
            6 => {
                let s = self.expr(sc, &Ty::Str, d);
                let a = self.rng.pick(STR_POOL);
                let b = self.rng.pick(STR_POOL);
                E::new(
                    format!("{}.replace({a:?}, {b:?})", s.code),
                    s.bound * 4.0 + 4.0,
                )
            }
            7 => {
                let l = self.expr(sc, &Ty::ListStr, d);
                let sep = self.rng.pick(&["", ",", " ", "-"]);
                E::new(format!("{sep:?}.join({})", l.code), l.bound * 8.0)
            }
            8 => {
                let s = self.expr(sc, &Ty::Str, d);
                let i = self.expr(sc, &Ty::Int, d);
                E::new(format!("({} * ({} % 3))", s.code, i.code), s.bound * 2.0)
            }
            9 => {
                // An f-string over variables (no quotes inside the braces).
                let vars = self.visible(sc, |v| {
                    matches!(v.ty, Ty::Int | Ty::Str | Ty::Float | Ty::Bool)
                });
                if vars.is_empty() {
                    return self.var_or_literal(sc, &Ty::Str);
                }
                let a = self.rng.pick(&vars).name.clone();
                let b = self.rng.pick(&vars).name.clone();
                E::new(format!("f\"<{{{a}}}:{{{b}}}>\""), 60.0)
            }
            10 => {
                let l = self.var_or_literal(sc, &Ty::ListStr);
                let i = self.expr(sc, &Ty::Int, d);
                E::new(format!("{}[{} % 3]", l.code, i.code), 12.0)
            }
            11 => {
                let p = self.var_or_literal(sc, &Ty::Pair);
                E::new(format!("{}[1]", p.code), MAX_LEN)
            }
            12 => {
                let a = self.expr(sc, &Ty::Str, d);
                let b = self.expr(sc, &Ty::Str, d);
                E::new(format!("({} or {})", a.code, b.code), a.bound.max(b.bound))
            }
            _ => {
                let m = self.var_or_literal(sc, &Ty::DictStrInt);
                if self.rng.chance(50) {
                    E::new(format!("str({}.items())", m.code), 200.0)
                } else {
                    let l = self.rng.pick(&["keys", "values"]);
                    E::new(format!("str(list({}.{l}()))", m.code), 200.0)
                }
            }
        }
    }

    fn list_expr(&mut self, sc: &mut Scope, depth: u32) -> E {
        let d = depth - 1;
        match self.rng.below(8) {
            0 | 1 => {
                let n = 1 + self.rng.below(3);
                let mut items = Vec::new();
                for _ in 0..n {
                    let e = self.expr(sc, &Ty::Int, d);
                    items.push(self.store(&Ty::Int, e));
                }
                E::new(format!("[{}]", items.join(", ")), n as f64)
            }
            2 => {
                let a = self.expr(sc, &Ty::ListInt, d);
                let b = self.expr(sc, &Ty::ListInt, d);
                E::new(format!("({} + {})", a.code, b.code), a.bound + b.bound)
            }
            3 => {
                let a = self.expr(sc, &Ty::ListInt, d);
                let i = self.rng.int_in(-3, 3);
                let j = self.rng.int_in(-3, 5);
                if self.rng.chance(30) {
                    let (t1, t2) = (self.tag(), self.tag());
                    E::new(
                        format!("{}[ti(\"{t1}\", {i}):ti(\"{t2}\", {j})]", a.code),
                        a.bound,
                    )
                } else {
                    E::new(format!("{}[{i}:{j}]", a.code), a.bound)
                }
            }
            4 => {
                let a = self.expr(sc, &Ty::ListInt, d);
                let r = if self.rng.chance(30) {
                    ", reverse=True"
                } else {
                    ""
                };
                E::new(format!("sorted({}{r})", a.code), a.bound)
            }
            5 => {
                let a = self.expr(sc, &Ty::ListInt, d);
                E::new(format!("{}.copy()", a.code), a.bound)
            }
            6 => {
                let a = self.expr(sc, &Ty::ListInt, d);
                E::new(format!("({} * 2)", a.code), a.bound * 2.0)
            }
            _ => {
                let m = self.var_or_literal(sc, &Ty::DictStrInt);
                E::new(format!("list({}.values())", m.code), 5.0)
            }
        }
    }

    fn list_str_expr(&mut self, sc: &mut Scope, depth: u32) -> E {
        let d = depth - 1;
        match self.rng.below(5) {
            0 => {
                let s = self.expr(sc, &Ty::Str, d);
                let sep = self.rng.pick(&[",", " ", "a"]);
                E::new(format!("{}.split({sep:?})", s.code), s.bound + 1.0)
            }
            1 => {
                let s = self.expr(sc, &Ty::Str, d);
                E::new(format!("{}.split()", s.code), s.bound + 1.0)
            }
            2 => {
                let m = self.var_or_literal(sc, &Ty::DictStrInt);
                E::new(format!("list({}.keys())", m.code), 5.0)
            }
            3 => {
                let a = self.expr(sc, &Ty::ListStr, d);
                E::new(format!("sorted({})", a.code), a.bound)
            }
            _ => {
                let n = 1 + self.rng.below(3);
                let mut items = Vec::new();
                for _ in 0..n {
                    let e = self.expr(sc, &Ty::Str, d);
                    items.push(self.store(&Ty::Str, e));
                }
                E::new(format!("[{}]", items.join(", ")), n as f64)
            }
        }
    }
}
