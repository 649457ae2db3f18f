//! The exports file: everything the second translation knows of a core.
//!
//! ```text
//!   seam build-core:  tir::Program ──seam_core::exports──▶ ExportsFile ──encode──▶ CORE.exports
//!   seam build-ext:   CORE.exports ──ExportsIndex::open──▶ index ──select(names)──▶ ExportsFile
//!                                   (header, index, fingerprint)     (what the extension names) ──▶ seam-extmod
//!   seam inspect:     CORE.exports ──decode──▶ ExportsFile ──describe / to_json──▶ stdout
//! ```
//!
//! On disk a file is the 8 bytes [`MAGIC`], the format version
//! ([`FORMAT_VERSION`], a little-endian `u32`), the 32-byte [`Fingerprint`],
//! the seam version text, then the body: an index of every function, class
//! and global by qualified name with each one's byte length, then the items,
//! each its own bincode 2 encoding (standard configuration), then the runtime
//! tables, and nothing after them. [`ExportsIndex::open`] checks the header,
//! the body's structure and the fingerprint over the raw body, and decodes the
//! index alone; an item is decoded when asked for ([`ExportsIndex::select`]
//! takes names and adds what their items need). [`decode`] reads the whole
//! file. Both check the file's internal consistency (every class a type names
//! is described, parents come before children, id ranges nest) over what they
//! decode, return a [`DecodeError`] and never panic, whatever the bytes.
//!
//! The fingerprint (see [`ExportsFile::compute_fingerprint`]) hashes the
//! canonical body: everything in the file except the seam version text and
//! the fingerprint itself, with lists in a fixed order. Two builds of a core
//! that agree on signatures, layouts, ids, vtables, `can_raise` and the runtime
//! ABI have the same fingerprint, however differently their private code reads.
//!
//! **Architecture Invariant:** this is the only crate that derives serde, and it
//! knows nothing of the translator: seam-core converts its typed IR to these
//! types and back explicitly (`core/src/exports/`: `writer.rs`, `reader.rs`)
//! and passes the runtime ABI table in as data.
//!
//! Classes are referred to by qualified name (`module.Name`; the bare name for
//! builtin exception classes), never by index: names read well in the dumps,
//! and a name does not move when an unrelated class is added or dropped.

#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod codec;
mod describe;
mod fingerprint;
mod index;
mod types;

use serde::{Deserialize, Serialize};

pub use codec::{DecodeError, FORMAT_VERSION, MAGIC, MAX_PAYLOAD, decode};
pub use fingerprint::Fingerprint;
pub use index::{ExportsIndex, ItemKind};
pub use types::{MAX_TYPE_DEPTH, TypeRef};

/// The vtable name of the synthesized method that returns the default value of
/// parameter `index` (`self` is 0) of method `method`. A call through the base
/// type that omits the argument calls it, so the default of the method that
/// runs is used, as in Python. Part of the ABI: every exported method parameter
/// with a default has this slot in the same vtable.
pub fn default_getter_name(method: &str, index: usize) -> String {
    format!("$default:{method}:{index}")
}

/// Everything a core exports to extension modules.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ExportsFile {
    /// The version of the `seam` that wrote the file; informational, not fingerprinted.
    pub seam_version: String,
    /// The version of the runtime ABI the core was linked against (the runtime's entry points,
    /// object layouts of builtin types and class descriptors).
    pub runtime_abi_version: u32,
    /// The target triple the core was translated for (`x86_64-unknown-linux-gnu`).
    pub target: String,
    /// The hash of the canonical payload; see [`ExportsFile::compute_fingerprint`].
    pub fingerprint: Fingerprint,
    /// The modules that define exported items, by dotted name, sorted.
    pub modules: Vec<String>,
    /// Exported module-level functions.
    pub functions: Vec<ExportedFunction>,
    /// Exported classes, the builtin exception classes, and every ancestor of an exported class;
    /// parents before children (by class id in a sealed file).
    pub classes: Vec<ExportedClass>,
    /// Exported module globals (`NAME: Exported[T]`).
    pub globals: Vec<ExportedGlobal>,
    /// Runtime functions generated code may call.
    pub runtime: Vec<RuntimeFunction>,
    /// Runtime data symbols generated code reads and writes (exception state, shadow stack).
    pub runtime_data: Vec<RuntimeData>,
    /// For an extension's exports file (written by `seam build-ext` beside the
    /// shared object): which extension it describes and what it was built
    /// against. `None` in a core's.
    pub extension: Option<ExtensionOf>,
}

/// What an extension's exports file says of the extension itself.
///
/// Its classes are described with ids relative to the extension
/// ([`ExportedClass::ids_at_load`]); their parents and the classes their
/// types mention may be described by the files it was built against instead.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExtensionOf {
    /// The extension's name, its file stem: the module later extensions import.
    pub name: String,
    /// The fingerprint of the core's exports it was built against.
    pub core: Fingerprint,
    /// The extensions it imports, each with the fingerprint of the exports it
    /// was built against, each after the extensions it was built on.
    pub depends: Vec<Dependency>,
}

/// An extension another one was built against.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dependency {
    /// Its name (file stem).
    pub name: String,
    /// The fingerprint of its exports file.
    pub fingerprint: Fingerprint,
}

/// An exported module-level function.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ExportedFunction {
    /// `module.name`.
    pub qualified_name: String,
    /// The dotted module name.
    pub module: String,
    /// The function's own name.
    pub name: String,
    /// The symbol it is defined under in the core executable.
    pub symbol: String,
    /// Parameters, in positional order.
    pub params: Vec<Param>,
    /// The return type (`TypeRef::None` for procedures).
    pub ret: TypeRef,
    /// Whether a call may return with the exception state set; callers test it only then.
    pub can_raise: bool,
}

/// A parameter of a function or method.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Param {
    /// The parameter's name, for keyword arguments.
    pub name: String,
    /// Its type.
    pub ty: TypeRef,
    /// Its default value, which callers pass when the argument is omitted.
    pub default: Option<Literal>,
}

/// A literal default value.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Literal {
    /// An `int`.
    Int(i64),
    /// A `float`.
    Float(f64),
    /// A `bool`.
    Bool(bool),
    /// A `str`.
    Str(String),
    /// `None`.
    None,
}

/// A class as extensions see it: enough to allocate, subclass, read fields,
/// call methods through the vtable and test `isinstance` without the core's sources.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ExportedClass {
    /// `module.Name`; the bare name for builtin exception classes.
    pub qualified_name: String,
    /// The dotted module name; `builtins` for builtin exception classes.
    pub module: String,
    /// The class's own name.
    pub name: String,
    /// Whether extensions may name the class: marked `@export`, or a builtin exception class.
    /// An unmarked class is described only because an exported class derives from it.
    pub exported: bool,
    /// The parent class's qualified name; it is described earlier in [`ExportsFile::classes`].
    pub parent: Option<String>,
    /// The class id; for a class of an extension ([`ExportedClass::ids_at_load`]),
    /// its position in the extension's own numbering.
    pub id: u32,
    /// One past the last id of the class's range (slack included).
    pub id_max: u32,
    /// Ids `slack_start .. id_max` are reserved for subclasses defined by extensions.
    pub slack_start: u32,
    /// Instance size in bytes, descriptor word included.
    pub size: u32,
    /// Instance alignment in bytes.
    pub align: u32,
    /// Every field, inherited ones first, by offset.
    pub fields: Vec<ExportedField>,
    /// Every vtable slot, inherited ones first.
    pub vtable: Vec<VtableSlot>,
    /// Byte offsets of the fields holding GC references, ascending.
    pub gc_ref_offsets: Vec<i32>,
    /// Whether instances are exceptions (the class derives from `Exception`).
    pub is_exception: bool,
    /// `@final`: the class cannot be subclassed.
    pub is_final: bool,
    /// A class of an extension: the loader gives it its ids, inside its
    /// parent's slack, so code outside tests its range from its descriptor.
    /// `id`, `id_max` and `slack_start` are then relative to the extension's
    /// first class and tell only the order and the slack reserved.
    pub ids_at_load: bool,
    /// For builtin exception classes: the kind number the runtime raises them by.
    pub builtin_kind: Option<u32>,
    /// The data symbol of the class descriptor.
    pub descriptor_symbol: String,
    /// The `__init__` that `C(...)` runs, when a Seam class defines one (its own or inherited).
    /// `None` for classes initialised by the runtime (builtin exceptions and their subclasses
    /// without an `__init__`) or with no `__init__` at all.
    pub init: Option<InitMethod>,
}

/// A field of a class.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ExportedField {
    /// The field's name (`$message` for the message of exceptions).
    pub name: String,
    /// Its type.
    pub ty: TypeRef,
    /// Its byte offset in the instance.
    pub offset: i32,
}

/// A virtual method slot.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct VtableSlot {
    /// The slot number, equal to its index in the vtable.
    pub slot: u32,
    /// The method's name.
    pub name: String,
    /// The implementation's parameters, `self` first.
    pub params: Vec<Param>,
    /// The return type.
    pub ret: TypeRef,
    /// The symbol of this class's implementation (its own or inherited).
    pub symbol: String,
    /// `@final`: no subclass overrides it, so calls may be direct.
    pub is_final: bool,
    /// Whether a call through the slot, on a receiver of this class, may raise: true
    /// unless the implementation cannot raise and no subclass may override it.
    pub can_raise: bool,
    /// Whether a direct call of [`VtableSlot::symbol`] (`Base.m(self)`, `super().m()`) may raise.
    pub impl_can_raise: bool,
}

/// The `__init__` a class's constructor runs.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct InitMethod {
    /// The qualified name of the class that defines it (the class itself or an ancestor).
    pub defined_in: String,
    /// Its symbol.
    pub symbol: String,
    /// Parameters, `self` first.
    pub params: Vec<Param>,
    /// Whether it may raise.
    pub can_raise: bool,
    /// Whether it lets `self` escape (calls a method on it or passes it on): a
    /// subclass must assign its own fields before calling it.
    pub lends_self: bool,
}

/// An exported module global: an 8-byte data symbol holding the value.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ExportedGlobal {
    /// `module.name`.
    pub qualified_name: String,
    /// The dotted module name.
    pub module: String,
    /// The global's own name.
    pub name: String,
    /// Its type.
    pub ty: TypeRef,
    /// The data symbol.
    pub symbol: String,
}

/// The machine class of a runtime function's parameter or result.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum AbiClass {
    /// A 64-bit integer.
    I64,
    /// An IEEE double.
    F64,
    /// A byte holding 0 or 1.
    I8,
    /// A GC reference, null, or a raw address.
    Ptr,
    /// Any value as 64 bits.
    Word,
}

/// A runtime entry point.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RuntimeFunction {
    /// The symbol the runtime defines it under.
    pub symbol: String,
    /// Parameter classes, in order.
    pub params: Vec<AbiClass>,
    /// The result class; `None` when it returns nothing.
    pub ret: Option<AbiClass>,
    /// Whether it may return with the exception state set.
    pub can_raise: bool,
    /// Whether it never returns.
    pub noreturn: bool,
}

/// A runtime data symbol.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RuntimeData {
    /// What it holds, in a few words (`exception state`).
    pub role: String,
    /// The data symbol.
    pub symbol: String,
}

impl ExportsFile {
    /// The class with this qualified name, if the file describes it.
    pub fn class(&self, qualified_name: &str) -> Option<&ExportedClass> {
        self.classes
            .iter()
            .find(|c| c.qualified_name == qualified_name)
    }
}
