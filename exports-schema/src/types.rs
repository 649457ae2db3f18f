//! [`TypeRef`]: a Seam Python type as the exports file records it.
//!
//! In the binary payload a type is a flat pre-order list of nodes, not a
//! nested value: decoding it then needs no recursion on the file's nesting,
//! and the rebuilt tree is bounded by [`MAX_TYPE_DEPTH`], so a hostile file
//! cannot overflow the stack while decoding, printing or dropping. In JSON a
//! type is its Python spelling (`dict[str, list[int]]`); the JSON dump is
//! output only and is never read back.

use std::fmt;

use serde::de::Error as _;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// The deepest nesting of a type an exports file may hold (`list[list[...]]`).
pub const MAX_TYPE_DEPTH: usize = 64;

/// A Seam Python type; mirrors `seam_core::tir::Type`.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum TypeRef {
    /// `int`.
    Int,
    /// `float`.
    Float,
    /// `bool`.
    Bool,
    /// `str`.
    Str,
    /// `None`.
    None,
    /// `list[T]`.
    List(Box<TypeRef>),
    /// `dict[K, V]`.
    Dict(Box<TypeRef>, Box<TypeRef>),
    /// `tuple[A, B, ...]`.
    Tuple(Vec<TypeRef>),
    /// `T | None`.
    Optional(Box<TypeRef>),
    /// The snapshot list `d.keys()` returns.
    DictKeys(Box<TypeRef>),
    /// The snapshot list `d.values()` returns.
    DictValues(Box<TypeRef>),
    /// The snapshot list of pairs `d.items()` returns.
    DictItems(Box<TypeRef>, Box<TypeRef>),
    /// An instance of the class with this qualified name (or of a subclass).
    Instance(String),
    /// `Callable[[A, B], R]`: a function value taking these parameters and returning the type.
    Callable(Vec<TypeRef>, Box<TypeRef>),
    /// A text file (`typing.TextIO`).
    TextIO,
    /// `object`: any class instance, or `None`.
    Object,
    /// `tuple[T, ...]`: a tuple of any length.
    VarTuple(Box<TypeRef>),
}

impl TypeRef {
    /// Calls `f` with the qualified name of every class the type mentions.
    pub fn for_each_class<'a>(&'a self, f: &mut impl FnMut(&'a str)) {
        match self {
            TypeRef::Int
            | TypeRef::Float
            | TypeRef::Bool
            | TypeRef::Str
            | TypeRef::None
            | TypeRef::TextIO
            | TypeRef::Object => {}
            TypeRef::List(t)
            | TypeRef::Optional(t)
            | TypeRef::DictKeys(t)
            | TypeRef::DictValues(t)
            | TypeRef::VarTuple(t) => t.for_each_class(f),
            TypeRef::Dict(k, v) | TypeRef::DictItems(k, v) => {
                k.for_each_class(f);
                v.for_each_class(f);
            }
            TypeRef::Tuple(ts) => ts.iter().for_each(|t| t.for_each_class(f)),
            TypeRef::Instance(name) => f(name),
            TypeRef::Callable(ps, r) => {
                ps.iter().for_each(|t| t.for_each_class(f));
                r.for_each_class(f);
            }
        }
    }

    /// Whether values of this type are GC references (or null).
    pub fn is_ref(&self) -> bool {
        !matches!(
            self,
            TypeRef::Int | TypeRef::Float | TypeRef::Bool | TypeRef::None
        )
    }
}

impl fmt::Display for TypeRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TypeRef::Int => f.write_str("int"),
            TypeRef::Float => f.write_str("float"),
            TypeRef::Bool => f.write_str("bool"),
            TypeRef::Str => f.write_str("str"),
            TypeRef::None => f.write_str("None"),
            TypeRef::List(t) => write!(f, "list[{t}]"),
            TypeRef::Dict(k, v) => write!(f, "dict[{k}, {v}]"),
            TypeRef::Tuple(ts) => {
                f.write_str("tuple[")?;
                for (i, t) in ts.iter().enumerate() {
                    if i > 0 {
                        f.write_str(", ")?;
                    }
                    write!(f, "{t}")?;
                }
                f.write_str("]")
            }
            TypeRef::VarTuple(t) => write!(f, "tuple[{t}, ...]"),
            TypeRef::Optional(t) => write!(f, "{t} | None"),
            TypeRef::DictKeys(t) => write!(f, "dict_keys[{t}]"),
            TypeRef::DictValues(t) => write!(f, "dict_values[{t}]"),
            TypeRef::DictItems(k, v) => write!(f, "dict_items[{k}, {v}]"),
            TypeRef::Instance(name) => f.write_str(name),
            TypeRef::Callable(ps, r) => {
                f.write_str("Callable[[")?;
                for (i, t) in ps.iter().enumerate() {
                    if i > 0 {
                        f.write_str(", ")?;
                    }
                    write!(f, "{t}")?;
                }
                write!(f, "], {r}]")
            }
            TypeRef::TextIO => f.write_str("TextIO"),
            TypeRef::Object => f.write_str("object"),
        }
    }
}

/// One node of a type in pre-order: a constructor followed by its arguments.
#[derive(Serialize, Deserialize)]
enum TypeNode {
    Int,
    Float,
    Bool,
    Str,
    None,
    List,
    Dict,
    Tuple(u32),
    Optional,
    DictKeys,
    DictValues,
    DictItems,
    Instance(String),
    /// A function type: this many parameter types, then the return type.
    Callable(u32),
    TextIO,
    Object,
    VarTuple,
}

impl Serialize for TypeRef {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if s.is_human_readable() {
            s.collect_str(self)
        } else {
            flatten(self).serialize(s)
        }
    }
}

impl<'de> Deserialize<'de> for TypeRef {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<TypeRef, D::Error> {
        let mut nodes = Vec::<TypeNode>::deserialize(d)?.into_iter();
        let ty = unflatten(&mut nodes, 1).map_err(D::Error::custom)?;
        if nodes.next().is_some() {
            return Err(D::Error::custom("a type has nodes left over"));
        }
        Ok(ty)
    }
}

/// The pre-order nodes of `ty`, without recursion.
fn flatten(ty: &TypeRef) -> Vec<TypeNode> {
    let mut out = Vec::new();
    let mut stack = vec![ty];
    while let Some(t) = stack.pop() {
        let (node, children): (TypeNode, Vec<&TypeRef>) = match t {
            TypeRef::Int => (TypeNode::Int, vec![]),
            TypeRef::Float => (TypeNode::Float, vec![]),
            TypeRef::Bool => (TypeNode::Bool, vec![]),
            TypeRef::Str => (TypeNode::Str, vec![]),
            TypeRef::None => (TypeNode::None, vec![]),
            TypeRef::List(e) => (TypeNode::List, vec![e]),
            TypeRef::Dict(k, v) => (TypeNode::Dict, vec![k, v]),
            TypeRef::Tuple(ts) => (TypeNode::Tuple(ts.len() as u32), ts.iter().collect()),
            TypeRef::Optional(e) => (TypeNode::Optional, vec![e]),
            TypeRef::DictKeys(e) => (TypeNode::DictKeys, vec![e]),
            TypeRef::DictValues(e) => (TypeNode::DictValues, vec![e]),
            TypeRef::DictItems(k, v) => (TypeNode::DictItems, vec![k, v]),
            TypeRef::Instance(name) => (TypeNode::Instance(name.clone()), vec![]),
            TypeRef::Callable(ps, r) => (
                TypeNode::Callable(ps.len() as u32),
                ps.iter().chain(std::iter::once(&**r)).collect(),
            ),
            TypeRef::TextIO => (TypeNode::TextIO, vec![]),
            TypeRef::Object => (TypeNode::Object, vec![]),
            TypeRef::VarTuple(e) => (TypeNode::VarTuple, vec![e]),
        };
        out.push(node);
        stack.extend(children.into_iter().rev());
    }
    out
}

/// Rebuilds the type whose nodes come next; recursion is bounded by [`MAX_TYPE_DEPTH`].
fn unflatten(nodes: &mut impl Iterator<Item = TypeNode>, depth: usize) -> Result<TypeRef, String> {
    if depth > MAX_TYPE_DEPTH {
        return Err(format!("a type nests deeper than {MAX_TYPE_DEPTH} levels"));
    }
    let Some(node) = nodes.next() else {
        return Err("a type ends early".to_string());
    };
    let mut next = || unflatten(nodes, depth + 1).map(Box::new);
    Ok(match node {
        TypeNode::Int => TypeRef::Int,
        TypeNode::Float => TypeRef::Float,
        TypeNode::Bool => TypeRef::Bool,
        TypeNode::Str => TypeRef::Str,
        TypeNode::None => TypeRef::None,
        TypeNode::List => TypeRef::List(next()?),
        TypeNode::Dict => TypeRef::Dict(next()?, next()?),
        TypeNode::Optional => TypeRef::Optional(next()?),
        TypeNode::DictKeys => TypeRef::DictKeys(next()?),
        TypeNode::DictValues => TypeRef::DictValues(next()?),
        TypeNode::DictItems => TypeRef::DictItems(next()?, next()?),
        TypeNode::Tuple(n) => {
            // Every element consumes at least one node, so a hostile count stops at the end.
            let mut elems = Vec::new();
            for _ in 0..n {
                elems.push(*next()?);
            }
            TypeRef::Tuple(elems)
        }
        TypeNode::Instance(name) => TypeRef::Instance(name),
        TypeNode::Callable(n) => {
            // As for tuples: each parameter consumes a node, so a hostile count stops at the end.
            let mut params = Vec::new();
            for _ in 0..n {
                params.push(*next()?);
            }
            TypeRef::Callable(params, next()?)
        }
        TypeNode::TextIO => TypeRef::TextIO,
        TypeNode::Object => TypeRef::Object,
        TypeNode::VarTuple => TypeRef::VarTuple(next()?),
    })
}
