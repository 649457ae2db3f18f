//! Symbol names: the fixed data symbols shared by generated code and the runtime,
//! and the mangling of a program's own items and of extension descriptors.
//!
//! Symbol names are deterministic, so that a core rebuilt with internal changes
//! keeps the ABI its extensions were built against.

/// Invokes `$m!` with every fixed data symbol, as `/// doc NAME = symbol, owner;`
/// entries. `NAME` is the constant holding the symbol's name, `symbol` the
/// identifier it is defined under, and `owner` who defines it: `runtime` (a
/// `#[unsafe(no_mangle)]` static of the runtime or the collector, which the runtime
/// checks at compile time) or `program` (the translated core's generated code).
#[macro_export]
macro_rules! foreach_data_symbol {
    ($m:ident) => {
        $m! {
            /// The data symbol holding the current exception (a GC reference, null when
            /// none). Generated code tests it after every call that can raise, and clears
            /// it when a handler catches.
            EXC_CURRENT = seam_exc_current, runtime;
            /// The data symbol holding the shadow stack's top pointer (a `*mut usize`).
            /// Generated functions bump it by their frame size on entry and restore it on exit.
            SHADOW_STACK_TOP = seam_shadow_stack_top, runtime;
            /// The data symbol holding the shadow stack's limit (one past the last usable word).
            SHADOW_STACK_LIMIT = seam_shadow_stack_limit, runtime;
            /// The data symbol holding the native stack's limit (a `usize`): a function that
            /// may recurse raises `RecursionError` when its stack pointer is below it on
            /// entry. The runtime sets it some headroom above the lowest address of the
            /// program's stack; zero disables the check.
            STACK_LIMIT = seam_stack_limit, runtime;
            /// The data symbol of the collector's free-list heads, one per size class
            /// (`[*mut u8; gc::NUM_CLASSES]`), which inline allocation pops (see [`crate::gc`]).
            GC_FREE = seam_gc_free, runtime;
            /// The data symbol of the collector's allocation budget (an `i64`: bytes left
            /// before the next collection), which inline allocation decrements.
            GC_BUDGET = seam_gc_budget, runtime;
            /// The data symbol of a core's exports fingerprint (a NUL-terminated hex string).
            CORE_FINGERPRINT = seam_core_fingerprint, program;
        }
    };
}

macro_rules! symbol_names {
    ($( $(#[$doc:meta])* $name:ident = $sym:ident, $owner:ident; )*) => {
        $( $(#[$doc])* pub const $name: &str = stringify!($sym); )*
    };
}

crate::foreach_data_symbol!(symbol_names);

/// The name of the function generated code defines as the program's entry,
/// [`PROGRAM_MAIN`], as a string literal: the runtime declares it with
/// `#[link_name = seam_abi::program_main_symbol!()]`, and an attribute takes a
/// literal (or a macro producing one), never a constant.
#[macro_export]
macro_rules! program_main_symbol {
    () => {
        "seam_program_main"
    };
}

/// The symbol generated code defines as the program's entry:
/// `fn(argv: list[str]) -> i64`. It registers roots, creates literals, runs
/// module initialisers and calls `main`.
pub const PROGRAM_MAIN: &str = program_main_symbol!();

/// The kind letter of a mangled module-level item (see [`mangle`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ItemKind {
    /// A function (`F`).
    Function,
    /// A global (`G`).
    Global,
    /// A module's initialiser (`I`).
    ModuleInit,
    /// A class descriptor (`C`).
    Class,
    /// A method (`M`).
    Method,
    /// A synthesized getter: a class constant or a default argument read through an
    /// instance, or the `__hash__` of a class made unhashable (`K`).
    Synthesized,
    /// The thunk that makes a function a function value (`T`).
    FunctionThunk,
    /// The thunk that makes a method bound to its receiver a function value (`B`).
    MethodThunk,
}

impl ItemKind {
    /// The letter after `seam_`.
    pub const fn letter(self) -> char {
        match self {
            ItemKind::Function => 'F',
            ItemKind::Global => 'G',
            ItemKind::ModuleInit => 'I',
            ItemKind::Class => 'C',
            ItemKind::Method => 'M',
            ItemKind::Synthesized => 'K',
            ItemKind::FunctionThunk => 'T',
            ItemKind::MethodThunk => 'B',
        }
    }

    /// The prefix every symbol of this kind starts with (`seam_K` for synthesized items).
    pub fn prefix(self) -> String {
        format!("seam_{}", self.letter())
    }
}

/// The deterministic symbol of a module-level item: `seam_` + kind letter +
/// length-prefixed module components + `_` + length-prefixed name. `pkg.util.f`
/// is `seam_F3pkg4util_1f`; method `run` of `main.Op` is `seam_M4main2Op_3run`.
pub fn mangle(kind: ItemKind, module: &str, name: &str) -> String {
    let mut s = kind.prefix();
    for part in module.split('.') {
        s.push_str(&part.len().to_string());
        s.push_str(part);
    }
    s.push('_');
    s.push_str(&name.len().to_string());
    s.push_str(name);
    s
}

/// The symbol of an extension's descriptor: `seam_ext__<stem>`. Hidden: a core
/// linked with the extension (`--static-ext`) refers to it by this name; in a
/// shared object the loader finds the descriptor by its section,
/// [`EXTENSION_SECTION`].
pub fn extension_descriptor(stem: &str) -> String {
    format!("seam_ext__{stem}")
}

/// The ELF section holding an extension's descriptor, and nothing else.
pub const EXTENSION_SECTION: &str = "seam_ext";

/// The one dynamic symbol of an extension shared object: its `init_module`
/// function (the descriptor's `init_module` word points to the same code).
pub const EXTENSION_ENTRY: &str = "init_module";

/// A bound of the id range of a class whose ids the loader gives (an
/// extension's), as an extension shared object names it: an undefined
/// symbol whose *value* is the bound, so that the loader can write the
/// number into the code once the class is registered (see
/// [`class_bound_symbol`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ClassBound {
    /// The class id (the range's start), negated (two's complement): the test
    /// adds it, as a core's class test adds an immediate.
    NegatedId,
    /// The range's width, `class_max - class_id`.
    Width,
}

impl ClassBound {
    fn suffix(self) -> &'static str {
        match self {
            ClassBound::NegatedId => ".negid",
            ClassBound::Width => ".width",
        }
    }
}

/// The class whose bound a [`class_bound_symbol`] names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BoundClass<'a> {
    /// A class of an extension the object was built against, by its descriptor symbol
    /// (found in that extension's symbol table).
    Descriptor(&'a str),
    /// One of the object's own classes, by its position in its descriptor's class
    /// table: found without any symbol table, so a stripped extension still loads.
    Own(usize),
}

/// The prefix of the bound symbols of an object's own classes.
const OWN_CLASS: &str = "seam_own_class";

/// The symbol whose value is `bound` of `class`: `seam_C5polys_7Polygon.negid`
/// for an earlier extension's class, `seam_own_class2.width` for the third
/// class of the object's own descriptor.
pub fn class_bound_symbol(class: BoundClass<'_>, bound: ClassBound) -> String {
    match class {
        BoundClass::Descriptor(d) => format!("{d}{}", bound.suffix()),
        BoundClass::Own(i) => format!("{OWN_CLASS}{i}{}", bound.suffix()),
    }
}

/// The class and bound a [`class_bound_symbol`] names, if it is one.
pub fn parse_class_bound_symbol(symbol: &str) -> Option<(BoundClass<'_>, ClassBound)> {
    let (class, bound) = [ClassBound::NegatedId, ClassBound::Width]
        .into_iter()
        .find_map(|b| symbol.strip_suffix(b.suffix()).map(|d| (d, b)))?;
    let class = match class.strip_prefix(OWN_CLASS).map(str::parse::<usize>) {
        Some(Ok(i)) => BoundClass::Own(i),
        _ => BoundClass::Descriptor(class),
    };
    Some((class, bound))
}
