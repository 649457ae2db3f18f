//! The collector's descriptor encoding: the `GcTypeInfo` at offset 0 of every
//! type descriptor, which the collector (`seam-gc`, whose `GcTypeInfo` struct
//! has exactly this layout) reads to trace an object, and which the translator
//! emits as bytes at the start of every class descriptor.
//!
//! | offset | field | meaning |
//! |---|---|---|
//! | 0 | `kind: u32` | one of [`kind`] |
//! | 4 | `ref_count: u32` | [`kind::FIXED_REFS`]: number of entries in `ref_offsets` |
//! | 8 | `ref_offsets: *const u32` | [`kind::FIXED_REFS`]: byte offsets of the reference fields |
//! | 16 | `len_offset: u32` | [`kind::REF_ARRAY`], [`kind::TUPLE`]: byte offset of the item-count word |
//! | 20 | `items_offset: u32` | [`kind::REF_ARRAY`], [`kind::TUPLE`]: byte offset of the first item |
//! | 24 | `mask_offset: u32` | [`kind::TUPLE`]: byte offset of the reference-bitmask word |
//! | 28 | `reserved: u32` | zero |
//!
//! Fields a kind does not use are zero. Every traced word holds null or a pointer
//! to the start (offset 0) of a live GC object.

/// The tracing kinds a descriptor can describe (the values of its `kind` field).
///
/// Plain integer constants rather than a Rust enum: descriptors are emitted as
/// static data by the compiler, and an unexpected value must not be undefined
/// behaviour on the Rust side.
pub mod kind {
    /// The object holds no references (strings, arrays of plain words).
    pub const NO_REFS: u32 = 0;
    /// References at fixed offsets: `ref_count` offsets in the `u32` array at `ref_offsets`
    /// (class instances, list and dict headers).
    pub const FIXED_REFS: u32 = 1;
    /// An array of reference words: the word at `len_offset` holds the number of
    /// items, which start at `items_offset`, one word each.
    pub const REF_ARRAY: u32 = 2;
    /// A tuple-like object: the word at `len_offset` holds the number of items,
    /// the word at `mask_offset` a bitmask (bit `i` set when item `i` is a
    /// reference), and the items start at `items_offset`. Bit 63 also covers
    /// every item past the 64th, so a tuple whose items are all references (or
    /// none) may have any length.
    pub const TUPLE: u32 = 3;
}

/// Byte offset of `kind`.
pub const KIND: usize = 0;
/// Byte offset of `ref_count`.
pub const REF_COUNT: usize = 4;
/// Byte offset of `ref_offsets`.
pub const REF_OFFSETS: usize = 8;
/// Byte offset of `len_offset`.
pub const LEN_OFFSET: usize = 16;
/// Byte offset of `items_offset`.
pub const ITEMS_OFFSET: usize = 20;
/// Byte offset of `mask_offset`.
pub const MASK_OFFSET: usize = 24;
/// Byte offset of `reserved`.
pub const RESERVED: usize = 28;
/// Size of the descriptor's GC part in bytes (8-byte aligned).
pub const TYPE_INFO_SIZE: usize = 32;
