//! Random core and extension pairs that test the seam, after wasm-tools'
//! `wit-dylib` (caller and callee generated together over every type).
//!
//! From a seed, [`case`] writes a core `main.py` and one or two extensions
//! (`ext.py`, `ext2.py`). In about half the seeds `ext2` is a second layer
//! ([`SeamCase::layered`]): compiled against the core's exports and `ext`'s,
//! it builds on what `ext` exports; otherwise each extension is compiled
//! against the core's exports alone.
//!
//! ```text
//!   seed ──▶ plan: core classes (hierarchies, @final, slack), exported functions,
//!                  Exported[T] globals, extension classes (subclasses of core classes,
//!                  and in a layered case of ext's exported classes), ext's exports
//!        ──▶ main.py: CoreError/SubError, leaf functions, classes, Space, globals,
//!                     functions, main (loads the extensions, then exercises what they left)
//!        ──▶ ext.py, ext2.py: subclasses overriding inherited methods, functions registered
//!                     as Callables, init_module(space) doing random things across the seam
//! ```
//!
//! What crosses the seam: the extensions call core functions (positional,
//! keyword and defaulted arguments), construct core classes, subclass them
//! (adding fields, overriding methods and `digest`, calling `super()`), read
//! and write fields of every value type and `Exported[T]` globals, raise core
//! and builtin exceptions that the core catches and catch the ones the core
//! raises, keep objects alive only in core structures (lists, fields,
//! globals) and keep core objects alive only in their own module globals, and
//! register functions in the core's `dict[str, Callable[[int], int]]`. The
//! core calls every method of every object it holds through its own vtables,
//! prints every object's `digest()` and tests `isinstance` against its own
//! subclasses.
//!
//! Layered cases, the second boundary: `ext` exports `EError`, most of its
//! classes (`@export`, `@export(slack=N)`; a class is exported only when its
//! parent is), functions `eapi*` with random signatures and defaults whose
//! bodies may raise, `Exported[T]` globals `EG*` and its `KEEP` list. `ext2`
//! imports them (`from ext import ...`, `import ext` then `ext.EG0`),
//! subclasses ext's exported classes (adding fields, overriding methods,
//! calling `super()`), constructs them, reads and writes their fields and
//! ext's globals, calls every `eapi*` function, raises `EError` and its own
//! `XError(EError)`, catches `EError` and the core's exceptions raised in
//! ext, and keeps its objects alive only in `ext.KEEP`, which ext prints
//! from its registered `ext.kept`. The core reaches ext2's objects through
//! its lists and vtables as any other. Sometimes the core first loads ext2
//! alone and prints the `ImportError` naming ext ([`SeamCase::expect`]).
//!
//! Validity by construction, as in `lib.rs`: every expression is generated
//! for a wanted type; every stored `int` is reduced modulo 1000003 after each
//! operation; methods call only lower-numbered methods (and no functions),
//! functions only earlier functions (ext's only the core's and ext's earlier
//! ones), constructors only construct lower-numbered core classes, and no
//! loop runs longer than a list the program built, so every program
//! terminates. Object graphs may have cycles, but `digest` follows no object
//! field (it prints the other object's key), so printing does too. Exported
//! signatures, fields and globals mention only core classes and ext's
//! exported ones. Slack: a class another module subclasses (a core class, or
//! an exported class of ext) gets, when its `slack=` is set, what those
//! subclasses take, sometimes exactly: each takes 1 id, plus its own slack if
//! it is an exported extension class (32 by default), plus its subclasses in
//! its own module.

use std::fmt::Write as _;

use crate::{Rng, STR_POOL};

/// A generated core and its extensions.
pub struct SeamCase {
    /// The core's entry module, `main.py`.
    pub core: String,
    /// The extensions in load order: (`ext.py`, source), (`ext2.py`, source).
    pub extensions: Vec<(String, String)>,
    /// Whether `ext2` is a second layer: built against `ext`'s exports too.
    pub layered: bool,
    /// Lines every way must print (the oracle is checked for them too).
    pub expect: Vec<String>,
}

/// The core and extensions for `seed`.
pub fn case(seed: u64) -> SeamCase {
    SeamGen::new(seed).case()
}

/// The modulus every integer operation is reduced by.
const M: &str = "1000003";
/// The modules: the core and the extensions, by index.
const MODULES: [&str; 3] = ["main", "ext", "ext2"];

#[derive(Clone, PartialEq, Debug)]
enum T {
    Int,
    Float,
    Bool,
    Str,
    ListInt,
    ListStr,
    Dict,
    /// `tuple[int, str]`.
    Tup,
    /// `str | None`.
    OptStr,
    /// `int | None`.
    OptInt,
    /// An instance of class `n` or of a subclass.
    Obj(usize),
    /// `Cn | None`.
    OptObj(usize),
    /// `Callable[[int], int]`, always a function that cannot raise.
    Fn,
    /// `list[Cn]`.
    ListObj(usize),
    /// `dict[str, Cn]`.
    DictObj(usize),
}

#[derive(Clone)]
struct Param {
    name: String,
    ty: T,
    default: Option<String>,
}

struct Method {
    name: String,
    params: Vec<Param>,
    ret: T,
}

struct Class {
    name: String,
    /// 0 for the core, 1 and 2 for the extensions.
    module: usize,
    parent: Option<usize>,
    /// The fields the class declares itself.
    fields: Vec<(String, T)>,
    is_final: bool,
    slack: Option<usize>,
    /// Methods the class introduces, by index into `SeamGen::methods`.
    introduces: Vec<usize>,
    /// Methods the class overrides.
    overrides: Vec<usize>,
    /// The default of the constructor's `extra` parameter; `None`: no `__init__`.
    init: Option<i64>,
    /// Whether the class is exported (every core class is; an extension's when it is a layer).
    exported: bool,
}

struct Func {
    name: String,
    /// 0: an exported core function; 1: an exported function of `ext` (a layer).
    module: usize,
    params: Vec<Param>,
    ret: T,
}

/// What the body generator knows about the body it writes.
struct Ctx {
    vars: Vec<(String, T)>,
    module: usize,
    /// The method being written: its class and index (lower methods may be called).
    method: Option<(usize, usize)>,
    /// Exported functions below this index may be called.
    fns_below: usize,
    /// Classes below this index may be constructed (constructors construct only lower core classes).
    construct_below: usize,
    may_raise: bool,
    fresh: u32,
    tag: String,
}

struct SeamGen {
    rng: Rng,
    classes: Vec<Class>,
    methods: Vec<Method>,
    /// Exported functions: the core's (the first `ncorefns`), then `ext`'s.
    fns: Vec<Func>,
    ncorefns: usize,
    /// Core leaf functions `int -> int` (never raise).
    leaves: usize,
    globals: Vec<(String, T)>,
    ncore: usize,
    /// The root class of each core hierarchy (each has a list in `Space`).
    roots: Vec<usize>,
    nexts: usize,
    /// Pure `int -> int` functions of each extension (never raise): names.
    pure: Vec<Vec<String>>,
    /// Whether each extension keeps objects in a module global `KEEP` (of the root's type).
    keep: Vec<Option<usize>>,
    /// Whether the program ends with an exception escaping main.
    uncaught: bool,
    /// Whether `ext2` builds on `ext` (imports, subclasses, calls, catches what `ext` exports).
    layered: bool,
    /// `ext`'s `Exported[T]` globals (when layered).
    ext_globals: Vec<(String, T)>,
    /// Whether the core first loads `ext2` alone and prints the `ImportError`.
    probe_order: bool,
}

fn lit_str(rng: &mut Rng) -> String {
    format!("{:?}", rng.pick(STR_POOL))
}

fn lit_int(rng: &mut Rng) -> String {
    let v = rng.int_in(-20, 100);
    if v < 0 {
        format!("({v})")
    } else {
        v.to_string()
    }
}

fn lit_float(rng: &mut Rng) -> String {
    rng.pick(&["0.5", "1.25", "-2.0", "3.75", "0.1", "100.0"])
        .to_string()
}

impl SeamGen {
    fn new(seed: u64) -> SeamGen {
        SeamGen {
            rng: Rng(seed ^ 0x5ea3_0000_5ea3_0000),
            classes: Vec::new(),
            methods: Vec::new(),
            fns: Vec::new(),
            leaves: 0,
            globals: Vec::new(),
            ncore: 0,
            roots: Vec::new(),
            nexts: 1,
            pure: vec![Vec::new(), Vec::new(), Vec::new()],
            keep: vec![None, None, None],
            uncaught: false,
            ncorefns: 0,
            layered: false,
            ext_globals: Vec::new(),
            probe_order: false,
        }
    }

    // ---- the plan -------------------------------------------------------

    fn is_sub(&self, mut c: usize, k: usize) -> bool {
        loop {
            if c == k {
                return true;
            }
            match self.classes[c].parent {
                Some(p) => c = p,
                None => return false,
            }
        }
    }

    fn root_of(&self, mut c: usize) -> usize {
        while let Some(p) = self.classes[c].parent {
            c = p;
        }
        c
    }

    /// The root's first field: every class has this `int` key.
    fn key(&self, c: usize) -> String {
        self.classes[self.root_of(c)].fields[0].0.clone()
    }

    /// Every field of `c`, its ancestors' first.
    fn all_fields(&self, c: usize) -> Vec<(String, T)> {
        let mut out = match self.classes[c].parent {
            Some(p) => self.all_fields(p),
            None => Vec::new(),
        };
        out.extend(self.classes[c].fields.iter().cloned());
        out
    }

    /// Every method `c` has (introduced by it or an ancestor), sorted by index.
    fn all_methods(&self, c: usize) -> Vec<usize> {
        let mut out = match self.classes[c].parent {
            Some(p) => self.all_methods(p),
            None => Vec::new(),
        };
        out.extend(self.classes[c].introduces.iter().copied());
        out.sort_unstable();
        out
    }

    fn field_type(&mut self, class: usize, module: usize) -> T {
        loop {
            let t = match self.rng.below(14) {
                0 | 1 => T::Int,
                2 => T::Float,
                3 => T::Bool,
                4 | 5 => T::Str,
                6 => T::ListInt,
                7 => T::ListStr,
                8 => T::Dict,
                9 => T::Tup,
                10 if self.rng.chance(50) => T::OptInt,
                10 => T::OptStr,
                11 => T::Fn,
                12 => {
                    // An instance of a lower core class: constructed by the constructor.
                    let limit = if module == 0 { class } else { self.ncore };
                    if limit == 0 {
                        continue;
                    }
                    let k = self.rng.below(limit);
                    match self.rng.below(5) {
                        0 => T::ListObj(k),
                        1 => T::DictObj(k),
                        _ => T::Obj(k),
                    }
                }
                _ => {
                    let limit = if module == 0 { class + 1 } else { self.ncore };
                    T::OptObj(self.rng.below(limit))
                }
            };
            return t;
        }
    }

    /// A return type; instances only of classes below `classes` (an
    /// annotation names a class defined before it).
    fn ret_type(&mut self, classes: usize) -> T {
        match self.rng.below(10) {
            0..=2 => T::Int,
            3 => T::Float,
            4 => T::Bool,
            5 | 6 => T::Str,
            7 => T::ListInt,
            8 if classes > 0 => T::Obj(self.rng.below(classes)),
            _ => T::Tup,
        }
    }

    fn params(&mut self, first_x: bool, objects: bool) -> Vec<Param> {
        let mut out = Vec::new();
        if first_x {
            out.push(Param {
                name: "x".into(),
                ty: T::Int,
                default: None,
            });
        }
        let required = self.rng.below(3);
        for _ in 0..required {
            let ty = match self.rng.below(8) {
                0 | 1 => T::Int,
                2 => T::Str,
                3 => T::ListInt,
                4 if objects && self.ncore > 0 => T::Obj(self.rng.below(self.ncore)),
                5 if objects => T::Fn,
                6 => T::OptInt,
                _ => T::Float,
            };
            let name = format!("p{}", out.len());
            out.push(Param {
                name,
                ty,
                default: None,
            });
        }
        let defaults = self.rng.below(3);
        for _ in 0..defaults {
            let (ty, default) = match self.rng.below(5) {
                0 | 1 => (T::Int, lit_int(&mut self.rng)),
                2 => (T::Str, lit_str(&mut self.rng)),
                3 => (
                    T::Bool,
                    if self.rng.chance(50) { "True" } else { "False" }.into(),
                ),
                _ => (T::OptStr, "None".into()),
            };
            let name = format!("p{}", out.len());
            out.push(Param {
                name,
                ty,
                default: Some(default),
            });
        }
        out
    }

    fn plan(&mut self) {
        self.ncore = 2 + self.rng.below(4);
        for i in 0..self.ncore {
            let candidates: Vec<usize> = (0..i).filter(|&k| !self.classes[k].is_final).collect();
            let parent = if i > 0 && !candidates.is_empty() && self.rng.chance(55) {
                Some(*self.rng.pick(&candidates))
            } else {
                None
            };
            let is_final = i > 0 && self.rng.chance(20);
            self.classes.push(Class {
                name: format!("C{i}"),
                module: 0,
                parent,
                fields: Vec::new(),
                is_final,
                slack: None,
                introduces: Vec::new(),
                overrides: Vec::new(),
                init: None,
                exported: true,
            });
            if parent.is_none() {
                self.roots.push(i);
                self.classes[i].fields.push((format!("c{i}_0"), T::Int));
            }
            let nfields = self.rng.below(4) + usize::from(parent.is_none());
            for _ in 0..nfields {
                let t = self.field_type(i, 0);
                let n = self.classes[i].fields.len();
                self.classes[i].fields.push((format!("c{i}_{n}"), t));
            }
            let has_init =
                parent.is_none() || !self.classes[i].fields.is_empty() || self.rng.chance(50);
            self.classes[i].init = has_init.then(|| self.rng.int_in(0, 9));
            self.plan_methods(i);
        }
        self.leaves = 1 + self.rng.below(2);
        let nfns = 2 + self.rng.below(3);
        for j in 0..nfns {
            let params = self.params(false, true);
            let ret = self.ret_type(self.ncore);
            self.fns.push(Func {
                name: format!("fn{j}"),
                module: 0,
                params,
                ret,
            });
        }
        self.ncorefns = self.fns.len();
        let nglobals = 1 + self.rng.below(3);
        for j in 0..nglobals {
            let t = self.global_type(0);
            self.globals.push((format!("G{j}"), t));
        }
        self.nexts = 1 + usize::from(self.rng.chance(65));
        // About half the seeds: ext2 is a second layer, built on what ext exports.
        self.layered = self.nexts == 2 && self.rng.chance(75);
        self.probe_order = self.layered && self.rng.chance(20);
        for m in 1..=self.nexts {
            let prefix = if m == 1 { "E" } else { "X" };
            let count = 1 + self.rng.below(3);
            for j in 0..count {
                // A parent: a non-final class the extension can name (a core
                // class, an earlier class of its own, an exported class of ext).
                let candidates: Vec<usize> = (0..self.classes.len())
                    .filter(|&k| !self.classes[k].is_final && self.visible(k, m))
                    .collect();
                let parent = *self.rng.pick(&candidates);
                // A layer exports a class whose ancestors are exported too.
                let exported =
                    m == 1 && self.layered && self.classes[parent].exported && self.rng.chance(80);
                let i = self.classes.len();
                self.classes.push(Class {
                    name: format!("{prefix}{j}"),
                    module: m,
                    parent: Some(parent),
                    fields: Vec::new(),
                    is_final: false,
                    slack: None,
                    introduces: Vec::new(),
                    overrides: Vec::new(),
                    init: None,
                    exported,
                });
                let nfields = self.rng.below(3);
                for _ in 0..nfields {
                    let t = self.field_type(i, m);
                    let n = self.classes[i].fields.len();
                    let f = format!("{}{j}_{n}", prefix.to_lowercase());
                    self.classes[i].fields.push((f, t));
                }
                let has_init = !self.classes[i].fields.is_empty() || self.rng.chance(40);
                self.classes[i].init = has_init.then(|| self.rng.int_in(0, 9));
                self.plan_methods(i);
            }
            let npure = 1 + self.rng.below(2);
            self.pure[m] = (0..npure)
                .map(|j| format!("{}p{j}", prefix.to_lowercase()))
                .collect();
            if self
                .rng
                .chance(if self.layered && m == 1 { 80 } else { 60 })
            {
                let r = *self.rng.pick(&self.roots.clone());
                self.keep[m] = Some(r);
            }
            if m == 1 && self.layered {
                // ext's exported functions (random signatures, results of
                // core classes or of ext's exported classes) and globals.
                let exported: Vec<usize> = (self.ncore..self.classes.len())
                    .filter(|&c| self.classes[c].exported)
                    .collect();
                for j in 0..1 + self.rng.below(3) {
                    let params = self.params(false, true);
                    let ret = if !exported.is_empty() && self.rng.chance(35) {
                        T::Obj(*self.rng.pick(&exported))
                    } else {
                        self.ret_type(self.ncore)
                    };
                    self.fns.push(Func {
                        name: format!("eapi{j}"),
                        module: 1,
                        params,
                        ret,
                    });
                }
                for j in 0..1 + self.rng.below(2) {
                    let t = self.global_type(1);
                    self.ext_globals.push((format!("EG{j}"), t));
                }
            }
        }
        // Slack: a class another module subclasses (a core class, or an
        // exported class of ext that ext2 subclasses) needs the blocks of
        // those subclasses: each is 1 id, plus its own slack when it is an
        // exported extension class (32 by default), plus the blocks of its
        // subclasses in the same module. Extension classes first: a core
        // class's need depends on their slack.
        for k in (0..self.classes.len()).rev() {
            let cls = &self.classes[k];
            if cls.is_final || !cls.exported {
                continue;
            }
            let need: usize = (self.ncore..self.classes.len())
                .filter(|&e| {
                    self.classes[e].parent == Some(k)
                        && self.classes[e].module != self.classes[k].module
                })
                .map(|e| self.block(e))
                .sum();
            self.classes[k].slack = match self.rng.below(4) {
                0 => None,
                1 => Some(need),
                2 => Some(need + self.rng.below(3)),
                _ if need == 0 => Some(0),
                _ => None,
            };
        }
        self.uncaught = self.rng.chance(15);
    }

    /// Whether module `m` can name class `c`: its own, the core's, and for
    /// ext2 when it is a layer, ext's exported classes.
    fn visible(&self, c: usize, m: usize) -> bool {
        let module = self.classes[c].module;
        module == 0
            || module == m
            || (m == 2 && module == 1 && self.layered && self.classes[c].exported)
    }

    /// Whether module `m` can call exported function `j`.
    fn fn_visible(&self, j: usize, m: usize) -> bool {
        let module = self.fns[j].module;
        module == 0 || module == m || (m == 2 && module == 1 && self.layered)
    }

    /// The ids extension class `e` takes from its base: itself, its slack
    /// when exported (32 by default), its subclasses in its own module.
    fn block(&self, e: usize) -> usize {
        let cls = &self.classes[e];
        let own = if cls.exported {
            cls.slack.unwrap_or(32)
        } else {
            0
        };
        1 + own
            + (e + 1..self.classes.len())
                .filter(|&c| {
                    self.classes[c].parent == Some(e) && self.classes[c].module == cls.module
                })
                .map(|c| self.block(c))
                .sum::<usize>()
    }

    /// The type of an `Exported[T]` global of module `m` (not optional objects).
    fn global_type(&mut self, m: usize) -> T {
        loop {
            let t = self.field_type(self.ncore, m);
            if !matches!(t, T::OptObj(_)) {
                return t;
            }
        }
    }

    fn plan_methods(&mut self, i: usize) {
        let inherited = match self.classes[i].parent {
            Some(p) => self.all_methods(p),
            None => Vec::new(),
        };
        let new = if inherited.is_empty() {
            1 + self.rng.below(2)
        } else {
            self.rng.below(2)
        };
        for _ in 0..new {
            let m = self.methods.len();
            let params = self.params(true, false);
            let limit = if self.classes[i].module == 0 {
                i
            } else {
                self.ncore
            };
            let ret = self.ret_type(limit);
            self.methods.push(Method {
                name: format!("m{m}"),
                params,
                ret,
            });
            self.classes[i].introduces.push(m);
        }
        for m in inherited {
            if self
                .rng
                .chance(if self.classes[i].module == 0 { 45 } else { 70 })
            {
                self.classes[i].overrides.push(m);
            }
        }
    }

    // ---- types and expressions -------------------------------------------

    fn ty(&self, t: &T) -> String {
        match t {
            T::Int => "int".into(),
            T::Float => "float".into(),
            T::Bool => "bool".into(),
            T::Str => "str".into(),
            T::ListInt => "list[int]".into(),
            T::ListStr => "list[str]".into(),
            T::Dict => "dict[str, int]".into(),
            T::Tup => "tuple[int, str]".into(),
            T::OptStr => "str | None".into(),
            T::OptInt => "int | None".into(),
            T::Obj(k) => self.classes[*k].name.clone(),
            T::OptObj(k) => format!("\"{} | None\"", self.classes[*k].name),
            T::Fn => "Callable[[int], int]".into(),
            T::ListObj(k) => format!("list[{}]", self.classes[*k].name),
            T::DictObj(k) => format!("dict[str, {}]", self.classes[*k].name),
        }
    }

    /// A `str` expression showing the value of `code` (of type `t`).
    fn show(&self, code: &str, t: &T) -> String {
        match t {
            T::Obj(k) => format!("str({code}.{})", self.key(*k)),
            T::OptObj(k) => format!(
                "(\"-\" if {code} is None else str({code}.{}))",
                self.key(*k)
            ),
            T::Fn => format!("str({code}(5))"),
            T::ListObj(k) => format!("str([o.{} for o in {code}])", self.key(*k)),
            T::DictObj(k) => format!("str([(s, o.{}) for s, o in {code}.items()])", self.key(*k)),
            _ => format!("str({code})"),
        }
    }

    fn var_of(&mut self, ctx: &Ctx, t: &T) -> Option<String> {
        let found: Vec<&String> = ctx
            .vars
            .iter()
            .filter(|(_, vt)| match (vt, t) {
                (T::Obj(a), T::Obj(b)) => self.is_sub(*a, *b),
                _ => vt == t,
            })
            .map(|(n, _)| n)
            .collect();
        if found.is_empty() {
            None
        } else {
            Some(found[self.rng.below(found.len())].clone())
        }
    }

    /// The pure `int -> int` functions `module` can name.
    fn pure_fns(&self, module: usize) -> Vec<String> {
        let mut out: Vec<String> = (0..self.leaves).map(|j| format!("cf{j}")).collect();
        if module > 0 {
            out.extend(self.pure[module].iter().cloned());
        }
        out
    }

    fn expr(&mut self, ctx: &Ctx, t: &T, depth: u32) -> String {
        if self.rng.chance(35)
            && let Some(v) = self.var_of(ctx, t)
        {
            return v;
        }
        let deep = depth > 0;
        let d = depth.saturating_sub(1);
        match t {
            T::Int => match if deep { self.rng.below(9) } else { 0 } {
                1 => {
                    let op = *self.rng.pick(&["+", "-", "*"]);
                    let a = self.expr(ctx, &T::Int, d);
                    let b = self.expr(ctx, &T::Int, d);
                    format!("(({a} {op} {b}) % {M})")
                }
                2 => {
                    let which = self
                        .rng
                        .pick(&[T::Str, T::ListInt, T::ListStr, T::Dict])
                        .clone();
                    format!("len({})", self.expr(ctx, &which, d))
                }
                3 => format!("{}[0]", self.expr(ctx, &T::Tup, d)),
                4 => format!("(sum({}) % {M})", self.expr(ctx, &T::ListInt, d)),
                5 => {
                    let dict = self.expr(ctx, &T::Dict, d);
                    format!("{dict}.get({}, 7)", lit_str(&mut self.rng))
                }
                6 => {
                    // A Callable in scope (a parameter, a field, a global), or a function by name.
                    let f = match self.var_of(ctx, &T::Fn) {
                        Some(v) if self.rng.chance(60) => v,
                        _ => self.rng.pick(&self.pure_fns(ctx.module)).clone(),
                    };
                    format!("{f}({})", self.expr(ctx, &T::Int, d))
                }
                7 => {
                    let objs: Vec<(String, usize)> = ctx
                        .vars
                        .iter()
                        .filter_map(|(n, vt)| match vt {
                            T::Obj(k) => Some((n.clone(), *k)),
                            _ => None,
                        })
                        .collect();
                    if objs.is_empty() {
                        lit_int(&mut self.rng)
                    } else {
                        let (n, k) = objs[self.rng.below(objs.len())].clone();
                        format!("{n}.{}", self.key(k))
                    }
                }
                8 => {
                    let c = self.expr(ctx, &T::Bool, d);
                    let a = self.expr(ctx, &T::Int, d);
                    let b = self.expr(ctx, &T::Int, d);
                    format!("({a} if {c} else {b})")
                }
                _ => lit_int(&mut self.rng),
            },
            T::Float => match if deep { self.rng.below(4) } else { 0 } {
                1 => format!(
                    "({} + {})",
                    self.expr(ctx, &T::Float, d),
                    self.expr(ctx, &T::Float, d)
                ),
                2 => format!("({} * 0.5)", self.expr(ctx, &T::Float, d)),
                3 => format!("float({})", self.expr(ctx, &T::Int, d)),
                _ => lit_float(&mut self.rng),
            },
            T::Bool => match if deep { self.rng.below(6) } else { 0 } {
                1 => format!(
                    "({} > {})",
                    self.expr(ctx, &T::Int, d),
                    self.expr(ctx, &T::Int, d)
                ),
                2 => format!(
                    "({}.lower() == {})",
                    self.expr(ctx, &T::Str, d),
                    self.expr(ctx, &T::Str, d)
                ),
                3 => format!("(not {})", self.expr(ctx, &T::Bool, d)),
                4 => format!(
                    "({} and {})",
                    self.expr(ctx, &T::Bool, d),
                    self.expr(ctx, &T::Bool, d)
                ),
                5 => {
                    // isinstance against a subclass of an object's static class.
                    let objs: Vec<(String, usize)> = ctx
                        .vars
                        .iter()
                        .filter_map(|(n, vt)| match vt {
                            T::Obj(k) => Some((n.clone(), *k)),
                            _ => None,
                        })
                        .collect();
                    if objs.is_empty() {
                        return "True".into();
                    }
                    let (n, k) = objs[self.rng.below(objs.len())].clone();
                    let subs: Vec<usize> = (0..self.classes.len())
                        .filter(|&c| self.is_sub(c, k) && self.visible(c, ctx.module))
                        .collect();
                    let c = *self.rng.pick(&subs);
                    format!("isinstance({n}, {})", self.classes[c].name)
                }
                _ => if self.rng.chance(50) { "True" } else { "False" }.into(),
            },
            T::Str => match if deep { self.rng.below(5) } else { 0 } {
                1 => format!(
                    "({} + {})[:9]",
                    self.expr(ctx, &T::Str, d),
                    self.expr(ctx, &T::Str, d)
                ),
                2 => format!("str({})", self.expr(ctx, &T::Int, d)),
                3 => format!("{}.upper()", self.expr(ctx, &T::Str, d)),
                4 => format!("{}[1]", self.expr(ctx, &T::Tup, d)),
                _ => lit_str(&mut self.rng),
            },
            T::ListInt => {
                if self.rng.chance(50) {
                    format!("[{}]", self.expr(ctx, &T::Int, d))
                } else {
                    format!(
                        "[{}, {}]",
                        self.expr(ctx, &T::Int, d),
                        self.expr(ctx, &T::Int, d)
                    )
                }
            }
            T::ListStr => format!("[{}]", self.expr(ctx, &T::Str, d)),
            T::Dict => {
                if self.rng.chance(50) {
                    format!(
                        "{{{}: {}}}",
                        lit_str(&mut self.rng),
                        self.expr(ctx, &T::Int, d)
                    )
                } else {
                    format!(
                        "{{{}: {}, \"k2\": {}}}",
                        self.expr(ctx, &T::Str, d),
                        self.expr(ctx, &T::Int, d),
                        self.expr(ctx, &T::Int, d)
                    )
                }
            }
            T::Tup => format!(
                "({}, {})",
                self.expr(ctx, &T::Int, d),
                self.expr(ctx, &T::Str, d)
            ),
            T::OptStr => {
                if self.rng.chance(40) {
                    "None".into()
                } else {
                    self.expr(ctx, &T::Str, d)
                }
            }
            T::OptInt => {
                if self.rng.chance(40) {
                    "None".into()
                } else {
                    self.expr(ctx, &T::Int, d)
                }
            }
            T::Obj(k) => {
                let subs: Vec<usize> = (0..ctx.construct_below.min(self.classes.len()))
                    .filter(|&c| self.is_sub(c, *k) && self.visible(c, ctx.module))
                    .collect();
                if subs.is_empty() {
                    // Only in a constructor, where a var of the type is always in scope.
                    return self.var_of(ctx, t).unwrap_or_else(|| "self".into());
                }
                let c = *self.rng.pick(&subs);
                let name = self.classes[c].name.clone();
                let seed = self.expr(ctx, &T::Int, d);
                match self.rng.below(3) {
                    0 => format!("{name}({seed})"),
                    1 => format!("{name}({seed}, {})", self.expr(ctx, &T::Int, d)),
                    _ => format!("{name}({seed}, extra={})", self.expr(ctx, &T::Int, d)),
                }
            }
            T::OptObj(k) => {
                // In a constructor, a class not constructible there (the class
                // itself) starts as None: `self` is not complete yet.
                let constructible =
                    (0..ctx.construct_below.min(self.classes.len())).any(|c| self.is_sub(c, *k));
                if !constructible || self.rng.chance(40) {
                    "None".into()
                } else {
                    self.expr(ctx, &T::Obj(*k), d)
                }
            }
            T::Fn => self.rng.pick(&self.pure_fns(ctx.module)).clone(),
            T::DictObj(k) => {
                let key = lit_str(&mut self.rng);
                let a = self.expr(ctx, &T::Obj(*k), d);
                if self.rng.chance(50) {
                    format!("{{{key}: {a}}}")
                } else {
                    let b = self.expr(ctx, &T::Obj(*k), d);
                    format!("{{{key}: {a}, \"k2\": {b}}}")
                }
            }
            T::ListObj(k) => {
                let a = self.expr(ctx, &T::Obj(*k), d);
                if self.rng.chance(50) {
                    format!("[{a}]")
                } else {
                    format!("[{a}, {}]", self.expr(ctx, &T::Obj(*k), d))
                }
            }
        }
    }

    /// Arguments for a call to `params`: positional, then keywords in a random order.
    fn args(&mut self, ctx: &Ctx, params: &[Param]) -> String {
        let mut out = Vec::new();
        let mut keywords = Vec::new();
        let mut positional = true;
        for p in params {
            match &p.default {
                None => {
                    let e = self.expr(ctx, &p.ty, 2);
                    if positional && self.rng.chance(75) {
                        out.push(e);
                    } else {
                        positional = false;
                        keywords.push(format!("{}={e}", p.name));
                    }
                }
                Some(_) => match self.rng.below(3) {
                    0 => positional = false,
                    1 if positional => out.push(self.expr(ctx, &p.ty, 1)),
                    _ => {
                        positional = false;
                        keywords.push(format!("{}={}", p.name, self.expr(ctx, &p.ty, 1)));
                    }
                },
            }
        }
        for i in (1..keywords.len()).rev() {
            let j = self.rng.below(i + 1);
            keywords.swap(i, j);
        }
        out.extend(keywords);
        out.join(", ")
    }

    fn sig(&self, params: &[Param]) -> String {
        params
            .iter()
            .map(|p| match &p.default {
                Some(d) => format!("{}: {} = {d}", p.name, self.ty(&p.ty)),
                None => format!("{}: {}", p.name, self.ty(&p.ty)),
            })
            .collect::<Vec<_>>()
            .join(", ")
    }

    // ---- statements -------------------------------------------------------

    fn fresh(ctx: &mut Ctx) -> String {
        ctx.fresh += 1;
        format!("v{}", ctx.fresh)
    }

    /// An exception to raise from `ctx.module`.
    fn exception(&mut self, ctx: &Ctx) -> String {
        let n = self.expr(ctx, &T::Int, 1);
        let msg = format!("\"{} \" + {}", ctx.tag, self.show(&n, &T::Int));
        let code = self.expr(ctx, &T::Int, 1);
        let choices = match ctx.module {
            0 => 5,
            2 if self.layered => 7,
            _ => 6,
        };
        match self.rng.below(choices) {
            0 | 1 => format!("CoreError({msg}, {code})"),
            2 => format!("SubError({msg}, {code}, where={})", lit_str(&mut self.rng)),
            3 => format!("ValueError({msg})"),
            4 => format!("KeyError({})", lit_str(&mut self.rng)),
            5 if ctx.module == 2 => format!("XError({msg}, {code})"),
            _ => format!("EError({msg}, {code})"),
        }
    }

    /// The handlers that print what was caught.
    /// `module`: where they are written (an extension's `EError` has a clause
    /// in ext, and in ext2 when it is a layer).
    fn handlers(&self, out: &mut Vec<String>, pad: &str, tag: &str, module: usize) {
        out.push(format!("{pad}except SubError as e:"));
        out.push(format!(
            "{pad}    print(\"{tag} caught\", type(e).__name__, e.code, e.where, e)"
        ));
        if module == 1 || (module == 2 && self.layered) {
            out.push(format!("{pad}except EError as e:"));
            out.push(format!(
                "{pad}    print(\"{tag} caught\", type(e).__name__, e.code, e.detail)"
            ));
        }
        out.push(format!("{pad}except CoreError as e:"));
        out.push(format!(
            "{pad}    print(\"{tag} caught\", type(e).__name__, e.code, e)"
        ));
        out.push(format!("{pad}except Exception as e:"));
        out.push(format!(
            "{pad}    print(\"{tag} caught\", type(e).__name__, e)"
        ));
        if tag.len().is_multiple_of(3) {
            out.push(format!("{pad}finally:"));
            out.push(format!("{pad}    print(\"{tag} finally\")"));
        }
    }

    /// A call `ctx` may make, with its result type: a lower method of
    /// `self`, a method of an object in scope (outside methods) or an
    /// earlier exported function.
    fn call(&mut self, ctx: &Ctx) -> Option<(String, T)> {
        let mut options: Vec<(String, usize, bool)> = Vec::new(); // (receiver, method, is fn)
        if let Some((c, m)) = ctx.method {
            for k in self.all_methods(c) {
                if k < m {
                    options.push(("self".into(), k, false));
                }
            }
        } else {
            for (n, t) in &ctx.vars {
                if let T::Obj(c) = t {
                    for k in self.all_methods(*c) {
                        options.push((n.clone(), k, false));
                    }
                }
            }
        }
        for j in 0..ctx.fns_below.min(self.fns.len()) {
            if !self.fn_visible(j, ctx.module) {
                continue;
            }
            options.push((String::new(), j, true));
        }
        if options.is_empty() {
            return None;
        }
        let (recv, k, is_fn) = options[self.rng.below(options.len())].clone();
        if is_fn {
            let params = self.fns[k].params.clone();
            let args = self.args(ctx, &params);
            Some((
                format!("{}({args})", self.fns[k].name),
                self.fns[k].ret.clone(),
            ))
        } else {
            let params = self.methods[k].params.clone();
            let args = self.args(ctx, &params);
            let ret = self.methods[k].ret.clone();
            Some((format!("{recv}.{}({args})", self.methods[k].name), ret))
        }
    }

    fn stmt(&mut self, ctx: &mut Ctx, out: &mut Vec<String>, pad: &str) {
        match self.rng.below(9) {
            0 | 1 => {
                let t = loop {
                    let t = self.field_type(self.ncore, 0);
                    if !matches!(t, T::OptObj(_) | T::Fn) {
                        break t;
                    }
                };
                let e = self.expr(ctx, &t, 2);
                let v = Self::fresh(ctx);
                out.push(format!("{pad}{v}: {} = {e}", self.ty(&t)));
                ctx.vars.push((v, t));
            }
            2 | 3 => {
                // A field write through an object in scope.
                let objs: Vec<(String, usize)> = ctx
                    .vars
                    .iter()
                    .filter_map(|(n, t)| match t {
                        T::Obj(k) => Some((n.clone(), *k)),
                        _ => None,
                    })
                    .collect();
                if objs.is_empty() {
                    return self.print(ctx, out, pad);
                }
                let (n, k) = objs[self.rng.below(objs.len())].clone();
                let fields = self.all_fields(k);
                let (f, t) = fields[self.rng.below(fields.len())].clone();
                match t {
                    T::ListInt | T::ListStr | T::ListObj(_) => {
                        let item = match t {
                            T::ListInt => T::Int,
                            T::ListStr => T::Str,
                            T::ListObj(k) => T::Obj(k),
                            _ => unreachable!("a list type"),
                        };
                        let e = self.expr(ctx, &item, 1);
                        out.push(format!("{pad}if len({n}.{f}) < 5:"));
                        out.push(format!("{pad}    {n}.{f}.append({e})"));
                    }
                    T::Dict | T::DictObj(_) if self.rng.chance(60) => {
                        let value = match t {
                            T::DictObj(k) => T::Obj(k),
                            _ => T::Int,
                        };
                        let key = self.expr(ctx, &T::Str, 1);
                        let e = self.expr(ctx, &value, 1);
                        out.push(format!("{pad}{n}.{f}[{key}] = {e}"));
                    }
                    _ => {
                        let e = self.expr(ctx, &t, 2);
                        out.push(format!("{pad}{n}.{f} = {e}"));
                    }
                }
            }
            4 if ctx.may_raise => {
                let c = self.expr(ctx, &T::Int, 1);
                let r = self.rng.int_in(0, 4);
                let exc = self.exception(ctx);
                out.push(format!("{pad}if {c} % 5 == {r}:"));
                out.push(format!("{pad}    raise {exc}"));
            }
            5 if ctx.may_raise => {
                let v = Self::fresh(ctx);
                let e = match self.rng.below(3) {
                    0 => format!(
                        "[{}, {}][{} % 3]",
                        self.expr(ctx, &T::Int, 1),
                        self.expr(ctx, &T::Int, 1),
                        self.expr(ctx, &T::Int, 1)
                    ),
                    1 => format!(
                        "{} // ({} % 3)",
                        self.expr(ctx, &T::Int, 1),
                        self.expr(ctx, &T::Int, 1)
                    ),
                    _ => format!(
                        "{{\"a\": 1, \"b\": 2}}[{}]",
                        self.rng.pick(&["\"a\"", "\"b\"", "\"c\""])
                    ),
                };
                out.push(format!("{pad}{v}: int = {e}"));
                ctx.vars.push((v, T::Int));
            }
            6 | 7 => {
                let Some((call, t)) = self.call(ctx) else {
                    return self.print(ctx, out, pad);
                };
                if ctx.may_raise && self.rng.chance(60) {
                    let v = Self::fresh(ctx);
                    out.push(format!("{pad}{v}: {} = {call}", self.ty(&t)));
                    ctx.vars.push((v, t));
                } else {
                    // Guarded: what the callee raised is printed here.
                    let tag = format!("{} {}", ctx.tag, ctx.fresh);
                    ctx.fresh += 1;
                    out.push(format!("{pad}try:"));
                    out.push(format!(
                        "{pad}    print(\"{tag}\", {})",
                        self.show(&call, &t)
                    ));
                    self.handlers(out, pad, &tag, ctx.module);
                }
            }
            _ => self.print(ctx, out, pad),
        }
    }

    fn print(&mut self, ctx: &mut Ctx, out: &mut Vec<String>, pad: &str) {
        let t = self.ret_type(0);
        let e = self.expr(ctx, &t, 2);
        let tag = format!("{} {}", ctx.tag, ctx.fresh);
        ctx.fresh += 1;
        out.push(format!("{pad}print(\"{tag}\", {})", self.show(&e, &t)));
    }

    /// A body: a few statements, then `return` of `ret`.
    fn body(&mut self, ctx: &mut Ctx, ret: &T, out: &mut Vec<String>) {
        let n = 1 + self.rng.below(4);
        for _ in 0..n {
            self.stmt(ctx, out, "        ");
        }
        let e = self.expr(ctx, ret, 2);
        out.push(format!("        return {e}"));
    }

    // ---- writing classes ----------------------------------------------------

    fn write_class(&mut self, c: usize, w: &mut String) {
        let cls = &self.classes[c];
        let module = cls.module;
        if cls.exported {
            match cls.slack {
                Some(s) => {
                    let _ = writeln!(w, "@export(slack={s})");
                }
                None => w.push_str("@export\n"),
            }
            if cls.is_final {
                w.push_str("@final\n");
            }
        } else if cls.module == 1 && self.layered {
            w.push_str("# not exported\n");
        }
        let parent = cls.parent.map(|p| self.classes[p].name.clone());
        let _ = writeln!(
            w,
            "class {}{}:",
            cls.name,
            parent
                .as_ref()
                .map(|p| format!("({p})"))
                .unwrap_or_default()
        );
        let fields = cls.fields.clone();
        for (f, t) in &fields {
            let _ = writeln!(w, "    {f}: {}", self.ty(t));
        }
        let mut lines: Vec<String> = Vec::new();
        if let Some(default) = self.classes[c].init {
            lines.push(String::new());
            lines.push(format!(
                "    def __init__(self, seed: int, extra: int = {default}) -> None:"
            ));
            let mut ctx = Ctx {
                vars: vec![("seed".into(), T::Int), ("extra".into(), T::Int)],
                module,
                method: None,
                fns_below: 0,
                construct_below: if module == 0 { c } else { self.ncore },
                may_raise: false,
                fresh: 0,
                tag: self.classes[c].name.clone(),
            };
            if parent.is_some() {
                let a = self.expr(&ctx, &T::Int, 1);
                let b = self.expr(&ctx, &T::Int, 1);
                lines.push(match self.rng.below(3) {
                    0 => format!("        super().__init__({a})"),
                    1 => format!("        super().__init__({a}, extra={b})"),
                    _ => format!("        super().__init__({a}, {b})"),
                });
            }
            for (f, t) in &fields {
                let e = self.expr(&ctx, t, 2);
                lines.push(format!("        self.{f} = {e}"));
            }
            if fields.is_empty() && parent.is_none() {
                lines.push("        pass".into());
            }
            ctx.vars.clear();
        }
        // digest: every field, the parent's first.
        lines.push(String::new());
        lines.push("    def digest(self) -> str:".into());
        match &parent {
            None => lines.push("        out: str = type(self).__name__".into()),
            Some(p) => {
                if self.rng.chance(50) {
                    lines.push("        out: str = super().digest()".into());
                } else {
                    lines.push(format!("        out: str = {p}.digest(self)"));
                }
            }
        }
        for (f, t) in &fields {
            let shown = self.show(&format!("self.{f}"), t);
            lines.push(format!("        out += \" {f}=\" + {shown}"));
        }
        lines.push("        return out".into());
        let mut own: Vec<usize> = self.classes[c].introduces.clone();
        own.extend(self.classes[c].overrides.iter().copied());
        own.sort_unstable();
        for m in own {
            self.write_method(c, m, &mut lines);
        }
        for l in lines {
            w.push_str(&l);
            w.push('\n');
        }
        w.push_str("\n\n");
    }

    fn write_method(&mut self, c: usize, m: usize, lines: &mut Vec<String>) {
        let module = self.classes[c].module;
        let params = self.methods[m].params.clone();
        let ret = self.methods[m].ret.clone();
        lines.push(String::new());
        lines.push(format!(
            "    def {}(self, {}) -> {}:",
            self.methods[m].name,
            self.sig(&params),
            self.ty(&ret)
        ));
        let mut vars: Vec<(String, T)> = params
            .iter()
            .map(|p| (p.name.clone(), p.ty.clone()))
            .collect();
        vars.push(("self".into(), T::Obj(c)));
        for (f, t) in self.all_fields(c) {
            vars.push((format!("self.{f}"), t));
        }
        let mut ctx = Ctx {
            vars,
            module,
            method: Some((c, m)),
            fns_below: 0,
            construct_below: self.classes.len(),
            may_raise: true,
            fresh: 0,
            tag: format!("{}.{}", self.classes[c].name, self.methods[m].name),
        };
        if self.classes[c].overrides.contains(&m) && self.rng.chance(40) {
            // An override that calls its base's implementation.
            let args = self.args(&ctx, &params);
            let v = Self::fresh(&mut ctx);
            lines.push(format!(
                "        {v}: {} = super().{}({args})",
                self.ty(&ret),
                self.methods[m].name
            ));
            ctx.vars.push((v, ret.clone()));
        }
        self.body(&mut ctx, &ret, lines);
    }

    // ---- the core -----------------------------------------------------------

    fn core(&mut self) -> String {
        let mut w = String::new();
        let exts = if self.nexts == 1 {
            "ext".to_string()
        } else {
            "ext and ext2".to_string()
        };
        let _ = writeln!(
            w,
            "# A core written by seam-gen's seam module (cli/tests/gen_ext.rs), for {exts}."
        );
        w.push_str("from typing import Callable\n\n");
        let finals = self.classes.iter().any(|c| c.is_final);
        let _ = writeln!(
            w,
            "from seam import Exported, export, {}load_extension\n\n",
            if finals { "final, " } else { "" }
        );
        w.push_str(
            "@export\nclass CoreError(Exception):\n    code: int\n\n    def __init__(self, msg: str, code: int) -> None:\n        super().__init__(msg)\n        self.code = code\n\n\n",
        );
        w.push_str(
            "@export\nclass SubError(CoreError):\n    where: str\n\n    def __init__(self, msg: str, code: int, where: str = \"core\") -> None:\n        super().__init__(msg, code)\n        self.where = where\n\n\n",
        );
        for j in 0..self.leaves {
            let a = self.rng.int_in(2, 9);
            let b = self.rng.int_in(0, 50);
            let _ = writeln!(
                w,
                "@export\ndef cf{j}(x: int) -> int:\n    return (x * {a} + {b}) % {M}\n\n"
            );
        }
        for c in 0..self.ncore {
            self.write_class(c, &mut w);
        }
        w.push_str("@export\nclass Space:\n");
        for &r in &self.roots.clone() {
            let _ = writeln!(w, "    objs{r}: list[C{r}]");
        }
        w.push_str("    fns: dict[str, Callable[[int], int]]\n\n    def __init__(self) -> None:\n");
        for &r in &self.roots.clone() {
            let _ = writeln!(w, "        self.objs{r} = []");
        }
        w.push_str("        self.fns = {}\n\n\n");
        let top = Ctx {
            vars: Vec::new(),
            module: 0,
            method: None,
            fns_below: 0,
            construct_below: self.ncore,
            may_raise: false,
            fresh: 0,
            tag: "G".into(),
        };
        for (g, t) in self.globals.clone() {
            let e = self.expr(&top, &t, 1);
            let _ = writeln!(w, "{g}: Exported[{}] = {e}", self.ty(&t));
        }
        w.push_str("\n\n");
        let globals = self.globals.clone();
        for j in 0..self.ncorefns {
            self.write_exported_fn(&mut w, j, 0, self.ncore, &globals);
        }
        self.write_core_main(&mut w);
        w
    }

    /// Exported function `j` of module `module` (0 the core, 1 `ext`), a random
    /// body constructing only classes below `construct_below` and reading, besides
    /// its parameters, the module-level names `readable`.
    fn write_exported_fn(
        &mut self,
        w: &mut String,
        j: usize,
        module: usize,
        construct_below: usize,
        readable: &[(String, T)],
    ) {
        let params = self.fns[j].params.clone();
        let ret = self.fns[j].ret.clone();
        let _ = writeln!(
            w,
            "@export\ndef {}({}) -> {}:",
            self.fns[j].name,
            self.sig(&params),
            self.ty(&ret)
        );
        let mut ctx = Ctx {
            vars: params
                .iter()
                .map(|p| (p.name.clone(), p.ty.clone()))
                .collect(),
            module,
            method: None,
            fns_below: j,
            construct_below,
            may_raise: true,
            fresh: 0,
            tag: self.fns[j].name.clone(),
        };
        ctx.vars.extend(readable.iter().cloned());
        let mut lines = Vec::new();
        self.body(&mut ctx, &ret, &mut lines);
        for l in lines {
            // Bodies are written for methods: one level less here.
            let _ = writeln!(w, "{}", l.strip_prefix("    ").unwrap_or(&l));
        }
        w.push_str("\n\n");
    }

    fn write_core_main(&mut self, w: &mut String) {
        // show_all: every object's digest and isinstance row.
        w.push_str("def show_all(space: Space, tag: str) -> None:\n");
        for &r in &self.roots.clone() {
            let _ = writeln!(w, "    for o{r} in space.objs{r}:");
            let subs: Vec<String> = (0..self.ncore)
                .filter(|&c| c != r && self.is_sub(c, r))
                .map(|c| format!("isinstance(o{r}, C{c})"))
                .collect();
            let row = if subs.is_empty() {
                String::new()
            } else {
                format!(", {}", subs.join(", "))
            };
            let _ = writeln!(w, "        print(tag, o{r}.digest(){row})");
        }
        for (g, t) in self.globals.clone() {
            let _ = writeln!(w, "    print(tag, \"{g}\", {})", self.show(&g, &t));
        }
        w.push_str("\n\n");
        // exercise: every method through the core's vtables.
        w.push_str("def exercise(space: Space) -> None:\n");
        for &r in &self.roots.clone() {
            let _ = writeln!(w, "    for o{r} in space.objs{r}:");
            let o = format!("o{r}");
            let mut lines = Vec::new();
            for c in 0..self.ncore {
                if !self.is_sub(c, r) {
                    continue;
                }
                let (pad, ms) = if c == r {
                    ("        ", self.all_methods(c))
                } else {
                    lines.push(format!("        if isinstance({o}, C{c}):"));
                    ("            ", self.classes[c].introduces.clone())
                };
                let ctx = Ctx {
                    vars: vec![(o.clone(), T::Obj(c))],
                    module: 0,
                    method: None,
                    fns_below: 0,
                    construct_below: self.ncore,
                    may_raise: false,
                    fresh: 0,
                    tag: "ex".into(),
                };
                if ms.is_empty() {
                    lines.push(format!("{pad}print(\"is C{c}\", {o}.digest())"));
                }
                for m in ms {
                    let params = self.methods[m].params.clone();
                    let args = self.args(&ctx, &params);
                    let tag = format!("C{c}.{}", self.methods[m].name);
                    let call = format!("{o}.{}({args})", self.methods[m].name);
                    let shown = self.show(&call, &self.methods[m].ret.clone());
                    lines.push(format!("{pad}try:"));
                    lines.push(format!("{pad}    print(\"{tag}\", {shown})"));
                    self.handlers(&mut lines, pad, &tag, 0);
                }
            }
            for l in lines {
                let _ = writeln!(w, "{l}");
            }
        }
        w.push_str("\n\n");
        w.push_str("def churn(n: int) -> int:\n    total = 0\n    for r in range(n):\n        xs: list[str] = []\n        for i in range(12):\n            xs.append(str(i) + \"-\" + str(r))\n        d: dict[str, list[int]] = {}\n        for s in xs:\n            d[s] = [len(s), r]\n        total += len(d)\n    return total\n\n\n");
        w.push_str("def main(argv: list[str]) -> int:\n    space = Space()\n");
        let ctx = Ctx {
            vars: Vec::new(),
            module: 0,
            method: None,
            fns_below: self.ncorefns,
            construct_below: self.ncore,
            may_raise: false,
            fresh: 0,
            tag: "main".into(),
        };
        for &r in &self.roots.clone() {
            for _ in 0..3 {
                let e = self.expr(&ctx, &T::Obj(r), 1);
                let _ = writeln!(w, "    space.objs{r}.append({e})");
            }
        }
        for j in 0..self.leaves {
            let _ = writeln!(w, "    space.fns[\"cf{j}\"] = cf{j}");
        }
        w.push_str("    show_all(space, \"before\")\n");
        if self.probe_order {
            // ext2 before ext: an ImportError naming ext, before any of ext2's code runs.
            w.push_str("    try:\n        load_extension(\"ext2\", space)\n        print(\"ext2 loaded alone?\")\n    except ImportError as e:\n        msg = str(e)\n        print(\"ext2 first:\", msg[msg.index(\"ImportError\"):])\n");
        }
        for name in &MODULES[1..=self.nexts] {
            let _ = writeln!(w, "    load_extension(\"{name}\", space)");
            let _ = writeln!(w, "    print(\"loaded {name}\", churn(2))");
        }
        w.push_str("    show_all(space, \"after\")\n    exercise(space)\n");
        w.push_str("    for name in sorted(space.fns.keys()):\n        for k in [1, 4]:\n            try:\n                print(name, k, space.fns[name](k))\n");
        let mut lines = Vec::new();
        self.handlers(&mut lines, "            ", "fns", 0);
        for l in lines {
            let _ = writeln!(w, "{l}");
        }
        // Core functions called from the core too.
        let mut ctx = ctx;
        for &r in &self.roots.clone() {
            ctx.vars.push((format!("space.objs{r}[0]"), T::Obj(r)));
        }
        for j in 0..self.ncorefns {
            let params = self.fns[j].params.clone();
            let args = self.args(&ctx, &params);
            let call = format!("{}({args})", self.fns[j].name);
            let shown = self.show(&call, &self.fns[j].ret.clone());
            let tag = self.fns[j].name.clone();
            let _ = writeln!(w, "    try:\n        print(\"{tag}\", {shown})");
            let mut lines = Vec::new();
            self.handlers(&mut lines, "    ", &tag, 0);
            for l in lines {
                let _ = writeln!(w, "{l}");
            }
        }
        w.push_str("    print(\"churn\", churn(4))\n    show_all(space, \"end\")\n");
        if self.uncaught {
            w.push_str("    print(\"last\", space.fns[\"boom\"](3))\n");
        }
        w.push_str("    return 0\n\n\nif __name__ == \"__main__\":\n    import sys\n\n    sys.exit(main(sys.argv))\n");
    }

    // ---- the extensions -----------------------------------------------------

    fn extension(&mut self, m: usize) -> String {
        let mut w = String::new();
        let prefix = if m == 1 { "e" } else { "x" };
        let _ = writeln!(
            w,
            "# Extension {} written by seam-gen's seam module (cli/tests/gen_ext.rs).",
            MODULES[m]
        );
        let layer = self.layered && m == 2;
        w.push_str("from typing import Callable\n\nimport main\n");
        if layer {
            w.push_str("import ext\n");
        }
        let mut names: Vec<String> = vec!["CoreError".into(), "SubError".into(), "Space".into()];
        names.extend((0..self.ncore).map(|c| self.classes[c].name.clone()));
        names.extend((0..self.leaves).map(|j| format!("cf{j}")));
        names.extend(self.fns[..self.ncorefns].iter().map(|f| f.name.clone()));
        names.sort();
        let _ = writeln!(w, "from main import {}", names.join(", "));
        if layer {
            // What ext exports: its exception, classes and functions.
            let mut names: Vec<String> = vec!["EError".into()];
            names.extend(
                (self.ncore..self.classes.len())
                    .filter(|&c| self.classes[c].module == 1 && self.classes[c].exported)
                    .map(|c| self.classes[c].name.clone()),
            );
            names.extend(self.fns[self.ncorefns..].iter().map(|f| f.name.clone()));
            names.sort();
            let _ = writeln!(w, "from ext import {}", names.join(", "));
        }
        if self.layered && m == 1 {
            w.push_str("from seam import Exported, export\n");
        }
        w.push_str("\n\n");
        if m == 1 {
            // An extension's exception class with a field of its own.
            if self.layered {
                w.push_str("@export\n");
            }
            w.push_str("class EError(CoreError):\n    detail: str\n\n    def __init__(self, msg: str, code: int) -> None:\n        super().__init__(msg, code)\n        self.detail = \"ext:\" + msg\n\n    def __str__(self) -> str:\n        return self.detail\n\n\n");
        } else if layer {
            // A subclass of ext's exception: caught as EError, CoreError, Exception.
            w.push_str("class XError(EError):\n    pass\n\n\n");
        } else {
            w.push_str("class XError(SubError):\n    pass\n\n\n");
        }
        if let Some(r) = self.keep[m] {
            if self.layered && m == 1 {
                // Exported: ext2 keeps its objects alive here too.
                let _ = writeln!(w, "KEEP: Exported[list[C{r}]] = []\n\n");
            } else {
                let _ = writeln!(w, "KEEP: list[C{r}] = []\n\n");
            }
        }
        for (j, name) in self.pure[m].clone().iter().enumerate() {
            let a = self.rng.int_in(2, 9);
            let _ = writeln!(
                w,
                "def {name}(x: int) -> int:\n    return (x * {a} + {}) % {M}\n\n",
                if j == 0 {
                    "cf0(x)".to_string()
                } else {
                    format!("{}(x)", self.pure[m][0])
                }
            );
        }
        for c in self.ncore..self.classes.len() {
            if self.classes[c].module == m {
                self.write_class(c, &mut w);
            }
        }
        // The globals the module writes (`main.G0`, and `ext.EG0` in a
        // layer) and reads (also ext's own, by their bare names in ext).
        let mut globals: Vec<(String, T)> = self
            .globals
            .iter()
            .map(|(g, t)| (format!("main.{g}"), t.clone()))
            .collect();
        if layer {
            globals.extend(
                self.ext_globals
                    .iter()
                    .map(|(g, t)| (format!("ext.{g}"), t.clone())),
            );
        }
        let mut readable = globals.clone();
        if self.layered && m == 1 {
            readable.extend(self.ext_globals.iter().cloned());
            // ext's exported globals and functions, for ext2.
            let top = Ctx {
                vars: Vec::new(),
                module: 1,
                method: None,
                fns_below: 0,
                construct_below: self.classes.len(),
                may_raise: false,
                fresh: 0,
                tag: "EG".into(),
            };
            for (g, t) in self.ext_globals.clone() {
                let e = self.expr(&top, &t, 1);
                let _ = writeln!(w, "{g}: Exported[{}] = {e}", self.ty(&t));
            }
            w.push_str("\n\n");
            for j in self.ncorefns..self.fns.len() {
                let construct_below = self.classes.len();
                self.write_exported_fn(&mut w, j, 1, construct_below, &readable);
            }
            w.push_str("def eglobals(x: int) -> int:\n");
            for (g, t) in self.ext_globals.clone() {
                let _ = writeln!(w, "    print(\"ext global {g}\", {})", self.show(&g, &t));
            }
            w.push_str("    return x\n\n\n");
        }
        // Functions registered as Callables: random bodies that may raise.
        let nfns = 1 + self.rng.below(2);
        for j in 0..nfns {
            let _ = writeln!(w, "def {prefix}f{j}(x: int) -> int:");
            let mut ctx = Ctx {
                vars: vec![("x".into(), T::Int)],
                module: m,
                method: None,
                fns_below: self.fns.len(),
                construct_below: self.classes.len(),
                may_raise: true,
                fresh: 0,
                tag: format!("{prefix}f{j}"),
            };
            ctx.vars.extend(readable.iter().cloned());
            let mut lines = Vec::new();
            self.body(&mut ctx, &T::Int, &mut lines);
            for l in lines {
                let _ = writeln!(w, "{}", l.strip_prefix("    ").unwrap_or(&l));
            }
            w.push_str("\n\n");
        }
        let _ = writeln!(
            w,
            "def {prefix}boom(x: int) -> int:\n    raise {}(\"boom from {}\", x)\n\n",
            if m == 1 { "EError" } else { "XError" },
            MODULES[m]
        );
        if let Some(r) = self.keep[m] {
            let key = self.key(r);
            let _ = writeln!(
                w,
                "def {prefix}kept(x: int) -> int:\n    out = x\n    for o in KEEP:\n        print(\"{} kept\", o.digest())\n        out = (out + o.{key}) % {M}\n    return out\n\n",
                MODULES[m]
            );
        }
        // init_module: random work across the seam.
        w.push_str("def init_module(space: Space) -> None:\n");
        let _ = writeln!(w, "    print(\"init {}\")", MODULES[m]);
        let mut ctx = Ctx {
            vars: Vec::new(),
            module: m,
            method: None,
            fns_below: self.fns.len(),
            construct_below: self.classes.len(),
            may_raise: false,
            fresh: 0,
            tag: format!("init {}", MODULES[m]),
        };
        ctx.vars.extend(readable.iter().cloned());
        for &r in &self.roots.clone() {
            ctx.vars.push((format!("space.objs{r}[0]"), T::Obj(r)));
        }
        let mut lines: Vec<String> = Vec::new();
        let pad = "    ";
        // Objects only the core's structures keep alive: this extension's classes first.
        for c in self.ncore..self.classes.len() {
            if self.classes[c].module != m {
                continue;
            }
            let r = self.root_of(c);
            for _ in 0..1 + self.rng.below(2) {
                let e = self.expr(&ctx, &T::Obj(c), 1);
                lines.push(format!("{pad}space.objs{r}.append({e})"));
            }
        }
        if let Some(r) = self.keep[m] {
            lines.push(format!("{pad}KEEP.append(space.objs{r}.pop(1))"));
            let e = self.expr(&ctx, &T::Obj(r), 1);
            lines.push(format!("{pad}KEEP.append({e})"));
            lines.push(format!(
                "{pad}space.fns[\"{}.kept\"] = {prefix}kept",
                MODULES[m]
            ));
        }
        for j in 0..nfns {
            lines.push(format!(
                "{pad}space.fns[\"{}.f{j}\"] = {prefix}f{j}",
                MODULES[m]
            ));
        }
        lines.push(format!("{pad}space.fns[\"boom\"] = {prefix}boom"));
        // A bound method of a fresh object, which only the core's dict keeps alive.
        let bound: Vec<(usize, usize)> = (0..self.classes.len())
            .filter(|&c| self.visible(c, m))
            .flat_map(|c| self.all_methods(c).into_iter().map(move |k| (c, k)))
            .filter(|&(_, k)| self.methods[k].params.len() == 1 && self.methods[k].ret == T::Int)
            .collect();
        if !bound.is_empty() && self.rng.chance(70) {
            let (c, k) = bound[self.rng.below(bound.len())];
            let obj = self.expr(&ctx, &T::Obj(c), 1);
            lines.push(format!(
                "{pad}space.fns[\"{}.bound\"] = {obj}.{}",
                MODULES[m], self.methods[k].name
            ));
        }
        if self.layered && m == 1 {
            lines.push(format!("{pad}space.fns[\"ext.globals\"] = eglobals"));
        }
        if layer {
            // Objects only ext's structures keep alive: ext2's own classes first.
            if let Some(r) = self.keep[1] {
                let own: Vec<usize> = (self.ncore..self.classes.len())
                    .filter(|&c| self.classes[c].module == 2 && self.is_sub(c, r))
                    .collect();
                let t = if own.is_empty() {
                    T::Obj(r)
                } else {
                    T::Obj(*self.rng.pick(&own))
                };
                let e = self.expr(&ctx, &t, 1);
                lines.push(format!("{pad}ext.KEEP.append({e})"));
            }
            // ext's exported classes (or their subclasses here) held in
            // locals: the random statements below call their methods and
            // write their fields; one field of each is read here.
            for c in self.ncore..self.classes.len() {
                if !(self.classes[c].module == 1 && self.classes[c].exported) {
                    continue;
                }
                let e = self.expr(&ctx, &T::Obj(c), 1);
                let v = format!("o{}", self.classes[c].name.to_lowercase());
                lines.push(format!("{pad}{v}: {} = {e}", self.classes[c].name));
                let fields = self.all_fields(c);
                let (f, t) = fields[self.rng.below(fields.len())].clone();
                let shown = self.show(&format!("{v}.{f}"), &t);
                lines.push(format!(
                    "{pad}print(\"ext2 reads {f}\", {shown}, {v}.digest())"
                ));
                ctx.vars.push((v, T::Obj(c)));
            }
            // Every function ext exports, called once.
            for j in self.ncorefns..self.fns.len() {
                let params = self.fns[j].params.clone();
                let args = self.args(&ctx, &params);
                let call = format!("{}({args})", self.fns[j].name);
                let shown = self.show(&call, &self.fns[j].ret.clone());
                let tag = format!("init ext2 {}", self.fns[j].name);
                lines.push(format!("{pad}try:"));
                lines.push(format!("{pad}    print(\"{tag}\", {shown})"));
                self.handlers(&mut lines, pad, &tag, 2);
            }
        }
        let actions = 3 + self.rng.below(6);
        for _ in 0..actions {
            match self.rng.below(6) {
                0 => {
                    // A global written.
                    let (g, t) = self.rng.pick(&globals).clone();
                    let e = self.expr(&ctx, &t, 2);
                    lines.push(format!("{pad}{g} = {e}"));
                }
                1 => {
                    // A pure function into a Callable field, if there is one.
                    let mut done = false;
                    for &r in &self.roots.clone() {
                        for (f, t) in self.all_fields(r) {
                            if t == T::Fn && !done {
                                let p = self.rng.pick(&self.pure[m].clone()).clone();
                                lines.push(format!("{pad}space.objs{r}[0].{f} = {p}"));
                                done = true;
                            }
                        }
                    }
                    if !done {
                        self.stmt(&mut ctx, &mut lines, pad);
                    }
                }
                _ => self.stmt(&mut ctx, &mut lines, pad),
            }
        }
        for l in lines {
            let _ = writeln!(w, "{l}");
        }
        w
    }

    fn case(mut self) -> SeamCase {
        self.plan();
        let core = self.core();
        let mut extensions = Vec::new();
        for (m, name) in MODULES.iter().enumerate().take(self.nexts + 1).skip(1) {
            let src = self.extension(m);
            extensions.push((format!("{name}.py"), src));
        }
        let mut expect = Vec::new();
        if self.probe_order {
            expect.push(
                "ext2 first: ImportError: extension 'ext' is not loaded: load it before the \
                 extensions that import it"
                    .to_string(),
            );
        }
        SeamCase {
            core,
            extensions,
            layered: self.layered,
            expect,
        }
    }
}
