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

// ---- Allocation and the write barrier, which generated code does inline ----
//
// Every object is preceded by an 8-byte header word. Small objects (header
// included, at most [`MAX_SMALL`] bytes) come from the free list of their size
// class: class `c` holds slots of `(c + 1) * GRANULE` bytes, and the runtime data
// symbol `seam_gc_free` is an array of [`NUM_CLASSES`] list heads, each the
// address of a free slot's header (null when the list is empty) whose next link
// is the word right after the header. The data symbol `seam_gc_budget` (an `i64`)
// is the number of bytes that may still be allocated before the next (minor)
// collection. The inline fast path of an allocation of `size` bytes, with
// `total = round_up(size + HEADER, GRANULE)` and `c = total / GRANULE - 1`:
//
// ```text
//   slot = seam_gc_free[c]; left = seam_gc_budget - total
//   if slot == null || left < 0: call seam_alloc (the slow path)
//   seam_gc_free[c] = *(slot + HEADER); seam_gc_budget = left
//   *slot = HDR_ALLOCATED | c << HDR_CLASS_SHIFT;  obj = slot + HEADER
//   *obj = descriptor; the other words of the object's `size` bytes = 0
// ```
//
// The write barrier (object remembering, for the generational collector): an
// object whose header has [`HDR_OLD`] set is old (it survived two minor
// collections, or a major one; [`HDR_AGED`] marks a young one that survived
// one, which needs no barrier: it is young). Before a
// reference is stored into an object whose header has `HDR_OLD` set and
// [`HDR_REMEMBERED`] clear, the object is passed to `seam_gc_remember`, which
// records it for the next minor collection. Globals need no barrier: every
// collection scans them as roots.
//
// Large element arrays of references (kind [`kind::REF_ARRAY`], over
// [`MAX_SMALL`] bytes) are remembered by card instead: their header has
// [`HDR_CARDED`] set and never [`HDR_REMEMBERED`], and their block carries a card
// table, one byte per [`CARD_BYTES`] of the object, right after the object's
// bytes. A store into such an array, once old, takes the barrier's slow branch
// every time; there the store of a reference into the word at `slot` dirties
// the card of that word, inline:
//
// ```text
//   h = *(obj - HEADER)
//   if h & (HDR_OLD | HDR_REMEMBERED) == HDR_OLD:            (cold)
//     if h & HDR_CARDED:
//       *(obj - HEADER + (h >> HDR_CLASS_SHIFT) + ((slot - obj) >> CARD_SHIFT)) = 1
//     else: call seam_gc_remember(obj)
// ```
//
// `seam_gc_remember` on a carded array dirties all its cards (a store whose
// slot the caller does not give). A minor collection traces only the dirty
// cards' words, and cleans them.

/// Size of the header word before every object.
pub const HEADER: usize = 8;
/// Size-class granularity (and object alignment) in bytes.
pub const GRANULE: usize = 16;
/// The largest slot (header included) served from a size class.
pub const MAX_SMALL: usize = 512;
/// Number of size classes (entries of `seam_gc_free`).
pub const NUM_CLASSES: usize = MAX_SMALL / GRANULE;
/// Header bit: the slot holds an object.
pub const HDR_ALLOCATED: u64 = 1;
/// Header bit: the object is old (it survived two minor collections or a
/// major one; the collector's mark bit, kept between collections).
pub const HDR_OLD: u64 = 2;
/// Header bit: a large object, in a block of its own.
pub const HDR_LARGE: u64 = 4;
/// Header bit: an old object already recorded by the write barrier.
pub const HDR_REMEMBERED: u64 = 8;
/// Header bit: a large element array of references remembered by card (see
/// [`CARD_SHIFT`]); never set together with [`HDR_REMEMBERED`].
pub const HDR_CARDED: u64 = 16;
/// A card covers `1 << CARD_SHIFT` bytes of a carded array, counted from the
/// object's start (its descriptor word).
pub const CARD_SHIFT: u32 = 9;
/// The bytes a card covers.
pub const CARD_BYTES: usize = 1 << CARD_SHIFT;
const _: () = assert!(CARD_BYTES.is_multiple_of(GRANULE));
/// Header bit: a young object that survived one minor collection (it is
/// promoted, given [`HDR_OLD`], when it survives a second). The collector's
/// own: generated code never reads it, and a fresh object's header has it
/// clear, so it is not part of what an extension compiles against.
pub const HDR_AGED: u64 = 32;
/// Header bit: with [`HDR_AGED`], the parity of the collection the object
/// survived first (the collector's own, like `HDR_AGED`).
pub const HDR_AGE_PARITY: u64 = 64;
/// Where a small object's size class starts in its header.
pub const HDR_CLASS_SHIFT: u32 = 8;

/// The slot size (header included) of an object of `size` bytes, and its size
/// class when it is small (`None`: a large object, never allocated inline).
pub const fn size_class(size: usize) -> (usize, Option<usize>) {
    let size = if size < 8 { 8 } else { size };
    let total = (size + HEADER).div_ceil(GRANULE) * GRANULE;
    if total > MAX_SMALL {
        (total, None)
    } else {
        (total, Some(total / GRANULE - 1))
    }
}
