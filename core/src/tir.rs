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
    /// `T | None` where `T` is a reference type; `None` is the null pointer.
    Optional(Box<Type>),
    /// `d.keys()`: a snapshot list of keys that prints as `dict_keys([...])`.
    DictKeys(Box<Type>),
    /// `d.values()`: a snapshot list of values that prints as `dict_values([...])`.
    DictValues(Box<Type>),
    /// `d.items()`: a snapshot list of `(key, value)` tuples that prints as `dict_items([...])`.
    DictItems(Box<Type>, Box<Type>),
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
    /// `d<K><V>` dict, `t<N>;<T1>...<TN>` tuple, `o<T>` optional, `K<T>` dict_keys
    /// (T is the list's element type), `V<T>` dict_values, `I<K><V>` dict_items.
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
            Type::Optional(t) => {
                out.push('o');
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
    pub globals: Vec<Global>,
    /// String literals; each becomes a `str` object created once at start-up.
    pub strings: Vec<String>,
    /// Module initialisers (functions of no parameters returning `None`), run in this order before `main`.
    pub init_order: Vec<FuncId>,
    /// The user's `main(argv: list[str]) -> int`.
    pub main: FuncId,
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
    While { cond: Expr, body: Vec<Stmt> },
    /// Leaves the innermost `While`.
    Break,
    /// Jumps to the condition of the innermost `While`.
    Continue,
    /// `None` only in functions returning [`Type::None`].
    Return(Option<Expr>),
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
    LoadField { base: Box<Expr>, offset: i32 },
    /// Run the statements, then evaluate the expression (desugaring with temporaries).
    Block(Vec<Stmt>, Box<Expr>),
}

/// Unary operators, typed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnaryOp {
    IntNeg,
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
    IntAdd,
    IntSub,
    IntMul,
    IntAnd,
    IntOr,
    IntXor,
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
