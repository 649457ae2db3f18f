//! The typed intermediate representation: what the front end hands the backend.
//!
//! ```text
//!   ruff AST ──(front end: resolve, type-check, desugar)──▶ tir::Program ──(backend)──▶ Cranelift IR
//! ```
//!
//! Every name is resolved (locals, globals and functions are indices), every
//! expression carries its [`Type`], and the surface language is desugared:
//! `for` loops are `while` loops over explicit counters, `print` and f-strings
//! are runtime calls, keyword and default arguments are positional, chained
//! comparisons and augmented assignments evaluate each operand once through
//! temporaries held in [`ExprKind::Block`]. Builtin operations are calls of
//! runtime functions named by [`crate::rt::Rt`] or raw field loads at the
//! offsets in [`crate::layout`].
//!
//! The TIR knows nothing of Cranelift: the backend decides how values map to
//! machine types (see [`Type::abi`]).

use crate::rt::{Abi, Rt};

/// Index of a function in [`Program::functions`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FuncId(pub u32);

/// Index of a module-level global in [`Program::globals`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct GlobalId(pub u32);

/// Index of a local (parameter, variable or compiler temporary) in [`Function::locals`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct LocalId(pub u32);

/// Index of an interned string literal in [`Program::strings`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct StrId(pub u32);

/// Index of a class in [`Program::classes`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ClassId(pub u32);

/// A Seam Python type after resolution.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Type {
    Int,
    Float,
    Bool,
    Str,
    /// The type of `None`, and the return type of procedures.
    None,
    List(Box<Type>),
    Dict(Box<Type>, Box<Type>),
    Tuple(Vec<Type>),
    /// `tuple[T, ...]`: a tuple of any length whose elements all have type `T`. Same
    /// object as [`Type::Tuple`] (a fixed tuple of `T`s is one without conversion);
    /// its reference mask is all ones or all zeros (the collector applies bit 63
    /// to the elements past the 64th).
    VarTuple(Box<Type>),
    /// `T | None`; `None` is the null pointer. When `T` is a reference type the
    /// value is the reference itself; when it is `int`, `float` or `bool` it is
    /// a box (see [`crate::layout::BOX_VALUE`]) holding the value.
    Optional(Box<Type>),
    /// `set[T]`: a hash set whose table follows CPython's, so iteration order matches.
    Set(Box<Type>),
    /// `d.keys()`: a snapshot list of keys that prints as `dict_keys([...])`.
    DictKeys(Box<Type>),
    /// `d.values()`: a snapshot list of values that prints as `dict_values([...])`.
    DictValues(Box<Type>),
    /// `d.items()`: a snapshot list of `(key, value)` tuples that prints as `dict_items([...])`.
    DictItems(Box<Type>, Box<Type>),
    /// An instance of a class or of one of its subclasses; never null.
    Instance(ClassId),
    /// `Callable[[A, B], R]`: a function value (a module-level function or a bound
    /// method), never null. A GC object `{desc, code, receiver}` (see
    /// [`crate::layout::CALLABLE_CODE`]); `code` takes the object itself, then the arguments.
    Callable(Vec<Type>, Box<Type>),
    /// A text file object (`typing.TextIO`), opaque to generated code; never null.
    File,
    /// `object`: any class instance, or `None` (the null pointer). Values of other
    /// types (`int`, `str`, lists...) are not objects in Seam Python.
    Object,
}

impl Type {
    /// Whether values of this type are pointers to GC objects (or null).
    pub fn is_ref(&self) -> bool {
        !matches!(self, Type::Int | Type::Float | Type::Bool | Type::None)
    }

    /// The machine-level class of this type's values.
    pub fn abi(&self) -> Abi {
        match self {
            Type::Int | Type::None => Abi::I64,
            Type::Float => Abi::F64,
            Type::Bool => Abi::I8,
            _ => Abi::Ptr,
        }
    }

    /// The type code the runtime's generic helpers (`seam_str_of`, `seam_eq`, ...) walk.
    ///
    /// Grammar: `i` int, `f` float, `b` bool, `s` str, `n` None, `l<T>` list,
    /// `d<K><V>` dict, `t<N>;<T1>...<TN>` tuple, `u<T>` tuple of any length, `o<T>` optional (a box when `T`
    /// is `i`, `f` or `b`), `S<T>` set, `K<T>` dict_keys
    /// (T is the list's element type), `V<T>` dict_values, `I<K><V>` dict_items,
    /// `c` a class instance (printed from its class descriptor), `T` a text file (`F`, a function value, is never walked).
    pub fn type_code(&self) -> String {
        let mut out = String::new();
        self.write_type_code(&mut out);
        out
    }

    fn write_type_code(&self, out: &mut String) {
        match self {
            Type::Int => out.push('i'),
            Type::Float => out.push('f'),
            Type::Bool => out.push('b'),
            Type::Str => out.push('s'),
            Type::None => out.push('n'),
            Type::List(t) => {
                out.push('l');
                t.write_type_code(out);
            }
            Type::Dict(k, v) => {
                out.push('d');
                k.write_type_code(out);
                v.write_type_code(out);
            }
            Type::Tuple(ts) => {
                out.push('t');
                out.push_str(&ts.len().to_string());
                out.push(';');
                for t in ts {
                    t.write_type_code(out);
                }
            }
            Type::VarTuple(t) => {
                out.push('u');
                t.write_type_code(out);
            }
            Type::Optional(t) => {
                out.push('o');
                t.write_type_code(out);
            }
            Type::Set(t) => {
                out.push('S');
                t.write_type_code(out);
            }
            Type::DictKeys(t) => {
                out.push('K');
                t.write_type_code(out);
            }
            Type::DictValues(t) => {
                out.push('V');
                t.write_type_code(out);
            }
            Type::DictItems(k, v) => {
                out.push('I');
                k.write_type_code(out);
                v.write_type_code(out);
            }
            // The runtime finds everything else (name, exception or not) in the class descriptor.
            Type::Instance(_) => out.push('c'),
            // The front end refuses every generic operation on function values (see
            // `frontend::callable`); the runtime's helpers do not know this code.
            Type::Callable(..) => out.push('F'),
            Type::File => out.push('T'),
            // Like an optional instance: `None` or any instance.
            Type::Object => out.push_str("oc"),
        }
    }

    /// The bitmask of reference-typed elements of a tuple type (bit `i` for element `i`).
    pub fn tuple_ref_mask(elems: &[Type]) -> i64 {
        elems
            .iter()
            .enumerate()
            .filter(|(_, t)| t.is_ref())
            .fold(0i64, |m, (i, _)| m | (1i64 << i))
    }
}

/// A whole translated program (one core, for now).
#[derive(Clone, Debug, Default)]
pub struct Program {
    pub functions: Vec<Function>,
    /// Every class, parents before children; the builtin exception classes come first.
    pub classes: Vec<Class>,
    pub globals: Vec<Global>,
    /// String literals; each becomes a `str` object created once at start-up.
    pub strings: Vec<String>,
    /// Module initialisers (functions of no parameters returning `None`), run in this order before `main`.
    pub init_order: Vec<FuncId>,
    /// The user's `main(argv: list[str]) -> int`.
    pub main: FuncId,
    /// What `@export` and `Exported[T]` put into the exports file.
    pub exports: ExportList,
    /// For a core: its exports fingerprint (hex), embedded as [`crate::rt::CORE_FINGERPRINT`]
    /// for the loader to compare with extensions'.
    pub fingerprint: Option<String>,
    /// What the modules' `seam.c_library(...)` declared, in module order.
    pub c_libraries: Vec<CLibrary>,
    /// For a core: extensions linked in (`--static-ext`), by file stem, found by
    /// `load_extension` without touching the disk.
    pub static_extensions: Vec<String>,
    /// For a second translation: what the extension is, and what comes from the core.
    pub extension: Option<ExtensionInfo>,
    /// Literal default values of functions' parameters (callers pass them when an
    /// argument is omitted), for the exports file. Absent for functions without any.
    pub param_defaults: std::collections::HashMap<FuncId, Vec<Option<Expr>>>,
    /// The functions that may take part in a recursion, whose prologue checks the
    /// stacks and raises `RecursionError` (see [`crate::analysis::compute_can_raise`]).
    pub checks_stack: std::collections::HashSet<FuncId>,
    /// The functions whose normal path never runs the collector: they get no
    /// shadow-stack frame (see [`crate::analysis::compute_collect_free`]).
    pub collect_free: std::collections::HashSet<FuncId>,
}

impl Program {
    /// For each function, whether it is defined in another translation (a
    /// core's or an earlier layer's, imported by the extension this program is).
    pub fn imported_mask(&self) -> Vec<bool> {
        let mut imported = vec![false; self.functions.len()];
        if let Some(ext) = &self.extension {
            for f in &ext.imported_functions {
                if let Some(flag) = imported.get_mut(f.0 as usize) {
                    *flag = true;
                }
            }
        }
        imported
    }
}

/// The C code one module brings (`seam.c_library(...)`): sources to compile
/// with it, and how; libraries to link. Paths are resolved against the
/// module's directory.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CLibrary {
    /// The module's dotted name.
    pub module: String,
    pub sources: Vec<std::path::PathBuf>,
    pub include_dirs: Vec<std::path::PathBuf>,
    pub library_dirs: Vec<std::path::PathBuf>,
    /// As the linker's `-l` takes them: `z` for `libz.so`.
    pub libraries: Vec<String>,
    pub cflags: Vec<String>,
}

/// What makes a program an extension module, compiled against a core's exports.
#[derive(Clone, Debug, Default)]
pub struct ExtensionInfo {
    /// The extension's file stem; its descriptor symbol is [`ExtensionInfo::descriptor_symbol`].
    pub name: String,
    /// The fingerprint of the exports file it was compiled against (hex).
    pub fingerprint: String,
    /// The extensions it imports from, in the order their exports files were
    /// given: each one's name and the fingerprint (hex) of its exports file.
    pub depends: Vec<(String, String)>,
    /// The fingerprint (hex) of the extension's own exports file, which the
    /// extensions built on it were built against; set once that file is made.
    pub provides: Option<String>,
    /// Its `init_module(space)`.
    pub init_module: FuncId,
    /// The core class `init_module`'s parameter must be an instance of.
    pub space_class: ClassId,
    /// Functions defined by the core: declared as imports, called through the dynamic linker.
    pub imported_functions: Vec<FuncId>,
    /// Classes defined by the core: descriptors imported, ids and ranges fixed (immediates).
    pub imported_classes: Vec<ClassId>,
    /// Globals defined by the core: data symbols imported.
    pub imported_globals: Vec<GlobalId>,
    /// Classes the extension defines: descriptors writable, ids assigned by the loader,
    /// so `isinstance` and `except` load their bounds from the descriptor.
    pub local_classes: Vec<ClassId>,
}

impl ExtensionInfo {
    /// The symbol of the extension descriptor the loader reads (see `layout::EXT_*`).
    pub fn descriptor_symbol(name: &str) -> String {
        seam_abi::symbols::extension_descriptor(name)
    }
}

/// The items a core exports to extension modules, in declaration order.
#[derive(Clone, Debug, Default)]
pub struct ExportList {
    pub functions: Vec<FuncId>,
    pub classes: Vec<ClassId>,
    pub globals: Vec<GlobalId>,
}

/// A class: its place in the hierarchy, its layout and its vtable.
///
/// The descriptor the backend emits for it is, in order: the collector's
/// `GcTypeInfo` (32 bytes, listing the reference fields), then the words
/// `class_id`, `class_max`, `instance_size`, `name` (a C string), `parent`
/// (descriptor or null), `flags` (bit 0 exception, bit 1 final),
/// `vtable_len`, `slack_start`, then the vtable's function pointers. See
/// [`crate::layout::CLASS_ID`] and its neighbours for the offsets.
#[derive(Clone, Debug)]
pub struct Class {
    /// `module.Name`; the bare name for builtin exception classes.
    pub name: String,
    /// The descriptor's data symbol.
    pub symbol: String,
    pub parent: Option<ClassId>,
    /// This class's id; its subclasses' ids lie in `id + 1 .. id_max`.
    pub id: u32,
    /// One past the last id of the range (including the reserved slack).
    pub id_max: u32,
    /// The ids reserved for subclasses defined later (by extensions): `slack_start .. id_max`.
    pub slack_start: u32,
    /// Every field, inherited ones first, at its byte offset.
    pub fields: Vec<Field>,
    /// Instance size in bytes (the descriptor word plus 8 bytes a field).
    pub size: u32,
    /// Slot `i` is implemented by this function (its first parameter is `self`).
    pub vtable: Vec<VtableEntry>,
    pub is_exception: bool,
    pub is_final: bool,
    /// For the builtin exception classes: the kind the runtime raises them by.
    pub builtin: Option<crate::rt::ExcKind>,
    /// The class belongs to an extension (this program, or one it was built
    /// against): the loader gives it its ids, so `isinstance` and `except` load
    /// its bounds from its descriptor. `id`, `id_max` and `slack_start` are then
    /// relative to the extension's numbering and say only how many ids it
    /// reserves for subclasses (`id_max - slack_start`).
    pub ids_at_load: bool,
    /// Whether the `__init__` its constructor runs (its own or inherited) lets
    /// `self` escape: calls a method on it or passes it on. A subclass must then
    /// assign its own fields before calling that `__init__`, since an override
    /// could read them (see `frontend/fieldinit.rs`).
    pub init_lends_self: bool,
}

/// A field of a class.
#[derive(Clone, Debug)]
pub struct Field {
    pub name: String,
    pub ty: Type,
    pub offset: i32,
}

/// A virtual method slot.
#[derive(Clone, Debug)]
pub struct VtableEntry {
    pub name: String,
    pub func: FuncId,
    /// `@final`: calls through a receiver of this class or a subclass may be direct.
    pub is_final: bool,
}

/// A module-level global variable.
#[derive(Clone, Debug)]
pub struct Global {
    /// `module.name`, for messages.
    pub name: String,
    /// The data symbol holding the value (8 bytes, zero until initialised).
    pub symbol: String,
    pub ty: Type,
}

/// A function: a user `def`, or a module initialiser.
#[derive(Clone, Debug)]
pub struct Function {
    /// `module.name`, for messages and tracebacks.
    pub name: String,
    /// The symbol the function is defined under; deterministic (see the exports design).
    pub symbol: String,
    /// Parameters, in order; each is also a local.
    pub params: Vec<LocalId>,
    pub ret: Type,
    pub locals: Vec<Local>,
    pub body: Vec<Stmt>,
    /// Whether a call may return with the exception state set (see [`crate::analysis`]).
    pub can_raise: bool,
}

/// A local variable, parameter or compiler temporary.
#[derive(Clone, Debug)]
pub struct Local {
    pub name: String,
    pub ty: Type,
}

/// A statement.
#[derive(Clone, Debug)]
pub enum Stmt {
    /// Evaluate for effect.
    Expr(Expr),
    AssignLocal(LocalId, Expr),
    AssignGlobal(GlobalId, Expr),
    /// Store a word-sized value at `base + offset` (`base` is a GC reference).
    StoreField {
        base: Expr,
        offset: i32,
        value: Expr,
    },
    If {
        cond: Expr,
        then_body: Vec<Stmt>,
        else_body: Vec<Stmt>,
    },
    /// `while cond: body`; `for` loops are desugared into this.
    While {
        cond: Expr,
        body: Vec<Stmt>,
    },
    /// Leaves the innermost `While`.
    Break,
    /// Jumps to the condition of the innermost `While`.
    Continue,
    /// `None` only in functions returning [`Type::None`].
    Return(Option<Expr>),
    /// Raise an exception instance (`Type::Instance` of an exception class).
    Raise(Expr),
    /// `try` / `except` / `else` / `finally`.
    Try {
        body: Vec<Stmt>,
        handlers: Vec<Handler>,
        else_body: Vec<Stmt>,
        finally_body: Vec<Stmt>,
    },
}

/// One `except` clause.
#[derive(Clone, Debug)]
pub struct Handler {
    /// The clause matches an exception that is an instance of any of these classes.
    pub classes: Vec<ClassId>,
    /// Receives the exception (a hidden local when the clause has no `as`).
    pub bind: LocalId,
    pub body: Vec<Stmt>,
}

/// An expression with its type.
#[derive(Clone, Debug)]
pub struct Expr {
    pub kind: ExprKind,
    pub ty: Type,
}

/// What an expression computes.
#[derive(Clone, Debug)]
pub enum ExprKind {
    Int(i64),
    Float(f64),
    Bool(bool),
    /// The `None` value: 0 of an `int`-like type, or the null pointer of an optional type.
    None,
    Str(StrId),
    Local(LocalId),
    Global(GlobalId),
    Unary(UnaryOp, Box<Expr>),
    Binary(BinaryOp, Box<Expr>, Box<Expr>),
    /// Short-circuit `and` on two `bool`s.
    And(Box<Expr>, Box<Expr>),
    /// Short-circuit `or` on two `bool`s.
    Or(Box<Expr>, Box<Expr>),
    /// `then if cond else otherwise`.
    IfElse {
        cond: Box<Expr>,
        then: Box<Expr>,
        otherwise: Box<Expr>,
    },
    /// A call of a translated function; arguments are positional and complete.
    Call(FuncId, Vec<Expr>),
    /// A call of the C function `symbol` (`@seam.c_function`), with the C
    /// calling convention: `params` and `ret` are the machine classes of its
    /// arguments and result (`str`s arrive converted to addresses). Never raises.
    CCall {
        symbol: String,
        params: Vec<Abi>,
        ret: Option<Abi>,
        args: Vec<Expr>,
    },
    /// A call of a runtime function. Arguments and result are converted between
    /// their [`Type`] and the runtime signature: a parameter or result of
    /// [`Abi::Word`] holds any value as 64 bits (a float's bits, a bool as 0/1).
    RtCall(Rt, Vec<Expr>),
    /// The runtime type code of a type (see [`Type::type_code`]), as a pointer to
    /// a NUL-terminated static string; its own type is [`Type::Int`] (an address)
    /// and it is passed where a runtime parameter is [`Abi::Ptr`].
    TypeCode(Type),
    /// A new tuple of the given elements; the expression's type is the tuple type.
    Tuple(Vec<Expr>),
    /// Load the word at `base + offset` and view it as the expression's type.
    LoadField {
        base: Box<Expr>,
        offset: i32,
    },
    /// Run the statements, then evaluate the expression (desugaring with temporaries).
    Block(Vec<Stmt>, Box<Expr>),
    /// A new, zeroed instance of a class (its descriptor word set). `__init__` is a separate call.
    New(ClassId),
    /// A call through vtable slot `slot` of the class of `args[0]` (the non-null receiver).
    /// `func` is the implementation of the slot in the receiver's static class (any
    /// implementation will do: overrides share its signature); the backend calls
    /// indirectly with that function's signature.
    VirtualCall {
        slot: u32,
        func: FuncId,
        args: Vec<Expr>,
    },
    /// Whether a non-null reference's class id lies in `class`'s range.
    IsInstance {
        value: Box<Expr>,
        class: ClassId,
    },
    /// The address of a translated function's code (its type is [`Type::Int`]): what a
    /// function value's `code` word holds.
    FuncAddr(FuncId),
    /// A call through a function value: `callee` (of [`Type::Callable`], non-null) is
    /// evaluated first, then `args`; the call goes to its `code` word with the callee
    /// itself as the first argument. Always assumed to raise.
    CallIndirect {
        callee: Box<Expr>,
        args: Vec<Expr>,
    },
    /// Element `index` of a `list` (or dict view), **without** a bounds check:
    /// only for positions the front end has just compared with the length, with
    /// nothing in between that could change the list (`for x in xs`).
    ListItem {
        list: Box<Expr>,
        index: Box<Expr>,
    },
}

/// Unary operators, typed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnaryOp {
    /// `-x` wrapping modulo 2**64 (inside `seam.intmask`).
    IntNeg,
    /// `-x`; OverflowError for `-(-2**63)`.
    IntNegChecked,
    FloatNeg,
    IntInvert,
    BoolNot,
    /// `float(i)` and mixed arithmetic.
    IntToFloat,
    /// `int(b)`.
    BoolToInt,
    /// `x is None` for an optional (or any reference) value.
    IsNull,
}

/// Binary operators, typed. Division, modulo, power and shifts are runtime
/// calls (they raise or need care); everything here is a single instruction.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BinaryOp {
    /// `+ - *` wrapping modulo 2**64: inside `seam.intmask`, and the front end's own
    /// arithmetic on values it knows are in range (indices, counters).
    IntAdd,
    IntSub,
    IntMul,
    /// `+ - *` as the program writes them: OverflowError when the result does not fit.
    IntAddChecked,
    IntSubChecked,
    IntMulChecked,
    /// `+` saturating at the int range's bounds (a `range` loop's step: the
    /// saturated value ends the loop where the exact one would have).
    IntAddSaturating,
    IntAnd,
    IntOr,
    IntXor,
    /// `>>` by an amount the front end knows is in `0..=63` (an arithmetic shift,
    /// which is Python's floor semantics): `x >> k`, and `x // 2**k`.
    IntShr,
    /// `//` and `%` by a divisor the front end knows is neither 0 nor -1 (a literal),
    /// so neither can raise or trap: Python's floor semantics, inline.
    IntFloorDivConst,
    IntModConst,
    IntEq,
    IntNe,
    IntLt,
    IntLe,
    IntGt,
    IntGe,
    FloatAdd,
    FloatSub,
    FloatMul,
    FloatEq,
    FloatNe,
    FloatLt,
    FloatLe,
    FloatGt,
    FloatGe,
    BoolEq,
    BoolNe,
    /// Pointer identity (`is` on references, `==` on instances).
    RefEq,
    RefNe,
}

impl BinaryOp {
    /// Whether the operation raises OverflowError when its result does not fit.
    pub fn can_raise(self) -> bool {
        matches!(
            self,
            BinaryOp::IntAddChecked | BinaryOp::IntSubChecked | BinaryOp::IntMulChecked
        )
    }
}

impl Expr {
    pub fn new(kind: ExprKind, ty: Type) -> Expr {
        Expr { kind, ty }
    }

    pub fn int(v: i64) -> Expr {
        Expr::new(ExprKind::Int(v), Type::Int)
    }

    pub fn bool(v: bool) -> Expr {
        Expr::new(ExprKind::Bool(v), Type::Bool)
    }

    pub fn local(id: LocalId, ty: Type) -> Expr {
        Expr::new(ExprKind::Local(id), ty)
    }

    pub fn rt(rt: Rt, args: Vec<Expr>, ty: Type) -> Expr {
        Expr::new(ExprKind::RtCall(rt, args), ty)
    }

    pub fn type_code(ty: Type) -> Expr {
        Expr::new(ExprKind::TypeCode(ty), Type::Int)
    }

    pub fn binary(op: BinaryOp, l: Expr, r: Expr, ty: Type) -> Expr {
        Expr::new(ExprKind::Binary(op, Box::new(l), Box::new(r)), ty)
    }

    pub fn unary(op: UnaryOp, e: Expr, ty: Type) -> Expr {
        Expr::new(ExprKind::Unary(op, Box::new(e)), ty)
    }

    pub fn field(base: Expr, offset: i32, ty: Type) -> Expr {
        Expr::new(
            ExprKind::LoadField {
                base: Box::new(base),
                offset,
            },
            ty,
        )
    }

    /// The `None` value of a procedure call used as an expression.
    pub fn none() -> Expr {
        Expr::new(ExprKind::None, Type::None)
    }
}

/// A node of the TIR tree, for [`walk_expr`] and [`walk_stmt`].
pub(crate) enum Node<'a> {
    Expr(&'a Expr),
    Stmt(&'a Stmt),
}

/// Visits `e` and everything inside it, parents first. Recursion depth is the
/// TIR's nesting depth, which the front end bounds.
pub(crate) fn walk_expr<'a>(e: &'a Expr, visit: &mut dyn FnMut(Node<'a>)) {
    visit(Node::Expr(e));
    match &e.kind {
        ExprKind::New(_) => {}
        ExprKind::VirtualCall { args, .. } => args.iter().for_each(|a| walk_expr(a, visit)),
        ExprKind::CallIndirect { callee, args } => {
            walk_expr(callee, visit);
            args.iter().for_each(|a| walk_expr(a, visit));
        }
        ExprKind::IsInstance { value, .. } => walk_expr(value, visit),
        ExprKind::Int(_)
        | ExprKind::Float(_)
        | ExprKind::Bool(_)
        | ExprKind::None
        | ExprKind::Str(_)
        | ExprKind::Local(_)
        | ExprKind::Global(_)
        | ExprKind::FuncAddr(_)
        | ExprKind::TypeCode(_) => {}
        ExprKind::Unary(_, a) => walk_expr(a, visit),
        ExprKind::LoadField { base, .. } => walk_expr(base, visit),
        ExprKind::ListItem { list, index } => {
            walk_expr(list, visit);
            walk_expr(index, visit);
        }
        ExprKind::Binary(_, a, b) | ExprKind::And(a, b) | ExprKind::Or(a, b) => {
            walk_expr(a, visit);
            walk_expr(b, visit);
        }
        ExprKind::IfElse {
            cond,
            then,
            otherwise,
        } => {
            walk_expr(cond, visit);
            walk_expr(then, visit);
            walk_expr(otherwise, visit);
        }
        ExprKind::Call(_, args)
        | ExprKind::RtCall(_, args)
        | ExprKind::CCall { args, .. }
        | ExprKind::Tuple(args) => {
            for a in args {
                walk_expr(a, visit);
            }
        }
        ExprKind::Block(stmts, e) => {
            for s in stmts {
                walk_stmt(s, visit);
            }
            walk_expr(e, visit);
        }
    }
}

pub(crate) fn walk_stmt<'a>(s: &'a Stmt, visit: &mut dyn FnMut(Node<'a>)) {
    visit(Node::Stmt(s));
    match s {
        Stmt::Raise(e) => walk_expr(e, visit),
        Stmt::Try {
            body,
            handlers,
            else_body,
            finally_body,
        } => {
            body.iter().for_each(|s| walk_stmt(s, visit));
            handlers
                .iter()
                .flat_map(|h| &h.body)
                .for_each(|s| walk_stmt(s, visit));
            else_body.iter().for_each(|s| walk_stmt(s, visit));
            finally_body.iter().for_each(|s| walk_stmt(s, visit));
        }
        Stmt::Expr(e) | Stmt::AssignLocal(_, e) | Stmt::AssignGlobal(_, e) => walk_expr(e, visit),
        Stmt::Return(e) => {
            if let Some(e) = e {
                walk_expr(e, visit);
            }
        }
        Stmt::StoreField { base, value, .. } => {
            walk_expr(base, visit);
            walk_expr(value, visit);
        }
        Stmt::If {
            cond,
            then_body,
            else_body,
        } => {
            walk_expr(cond, visit);
            for s in then_body.iter().chain(else_body) {
                walk_stmt(s, visit);
            }
        }
        Stmt::While { cond, body } => {
            walk_expr(cond, visit);
            for s in body {
                walk_stmt(s, visit);
            }
        }
        Stmt::Break | Stmt::Continue => {}
    }
}
