//! `seam-gc`: the Seam garbage collector — a precise, non-moving,
//! generational mark-sweep collector with size-segregated free lists.
//!
//! ```text
//!   alloc(desc, size) ──▶ small: free list of its size class (16-byte classes up to 512 bytes),
//!                     │          popped inline by generated code (`seam_gc_free`, `seam_gc_budget`)
//!                     └─▶ large: its own zeroed block from the system allocator
//!   minor collection ──▶ mark the young objects reachable from the roots and from the
//!                        old objects the write barrier remembered ([`remember`]):
//!                        age those surviving a first time, promote those surviving a second
//!   major collection ──▶ clear every mark, mark from the roots
//!   both ──▶ free dead large blocks; small chunks are swept lazily by allocation
//! ```
//!
//! `SEAM_GC_STRESS=1` collects at every allocation (a minor collection, a
//! major one every 16th); `SEAM_GC_VERIFY=N` checks the reachable heap before
//! and after every `N`th collection ([`verify_heap`]), old-to-young references
//! included; `SEAM_GC_STATS=1` prints the counters and pause times at exit.
//!
//! Every object is preceded by a hidden 8-byte header (allocated, old and
//! remembered bits, age, size class; see `seam_abi::gc`); the object's visible offset 0 is a pointer to its type
//! descriptor, which starts with a [`GcTypeInfo`] saying where the object's
//! references are. Roots are the words of the shadow stack (between its base
//! and [`seam_shadow_stack_top`]) and the slots registered with [`add_root`].
//!
//! **Architecture Invariant:** the collector knows nothing of Python, of the
//! runtime's object layouts or of the translator: objects are described to it
//! only through [`GcTypeInfo`]. Of `seam-abi` it uses the descriptor encoding
//! (`seam_abi::gc`) alone.
//!
//! The collector is single-threaded, like the translated programs it serves:
//! its state lives in process-wide statics that must only be touched from one
//! thread at a time (tests serialise themselves with a lock). That contract
//! is the caller's: every entry point that reaches the heap is `unsafe` and
//! says so in its `# Safety` section. Inside, the heap is lent to one closure
//! at a time (a `RefCell`), so no safe function hands out a reference to it.

mod heap;
mod os;
mod shadow;
#[cfg(test)]
mod tests;

pub use heap::{
    GcStats, add_root, alloc, collect, collect_minor, init, needs_remembering, open_spares,
    remember, remember_slot, seam_gc_budget, seam_gc_free, set_stress, stats, verify_heap,
};

use std::sync::atomic::{AtomicUsize, Ordering};

/// How many [`fallibly`] calls are under way.
static FALLIBLE_DEPTH: AtomicUsize = AtomicUsize::new(0);

/// Runs `f`, an attempt to allocate whose failure its caller handles (a
/// `try_reserve`). A global allocator that treats other failures as fatal
/// (the runtime's does) asks [`failure_is_handled`] to tell them apart.
pub fn fallibly<T>(f: impl FnOnce() -> T) -> T {
    FALLIBLE_DEPTH.fetch_add(1, Ordering::Relaxed);
    let result = f();
    FALLIBLE_DEPTH.fetch_sub(1, Ordering::Relaxed);
    result
}

/// Whether an allocation failing now is handled by its caller (it happens
/// inside [`fallibly`]).
pub fn failure_is_handled() -> bool {
    FALLIBLE_DEPTH.load(Ordering::Relaxed) != 0
}
pub use shadow::{
    ShadowStackOverflow, push_root, seam_shadow_stack_limit, seam_shadow_stack_top,
    shadow_stack_base, shadow_stack_top, truncate_shadow_stack,
};

/// The tracing kinds a [`GcTypeInfo`] can describe (the values of its `kind`
/// field): the descriptor encoding is part of the runtime ABI, declared in `seam-abi`.
pub use seam_abi::gc::kind;

/// The GC part of a type descriptor: it sits at offset 0 of every type
/// descriptor, and every GC object's offset 0 points at one.
///
/// Plain C data, so the compiler can emit class descriptors as static bytes
/// that begin with it: `#[repr(C)]`, 32 bytes, 8-byte aligned, with the fields
/// at the offsets `seam_abi::gc` gives (checked below at compile time). Fields a
/// kind does not use are zero. Every traced word holds null or a pointer to the
/// start (offset 0) of a live GC object.
#[repr(C)]
#[derive(Debug)]
pub struct GcTypeInfo {
    pub kind: u32,
    pub ref_count: u32,
    pub ref_offsets: *const u32,
    pub len_offset: u32,
    pub items_offset: u32,
    pub mask_offset: u32,
    pub reserved: u32,
}

// The struct is the encoding `seam_abi::gc` declares, field for field.
const _: () = {
    use std::mem::{offset_of, size_of};
    assert!(offset_of!(GcTypeInfo, kind) == seam_abi::gc::KIND);
    assert!(offset_of!(GcTypeInfo, ref_count) == seam_abi::gc::REF_COUNT);
    assert!(offset_of!(GcTypeInfo, ref_offsets) == seam_abi::gc::REF_OFFSETS);
    assert!(offset_of!(GcTypeInfo, len_offset) == seam_abi::gc::LEN_OFFSET);
    assert!(offset_of!(GcTypeInfo, items_offset) == seam_abi::gc::ITEMS_OFFSET);
    assert!(offset_of!(GcTypeInfo, mask_offset) == seam_abi::gc::MASK_OFFSET);
    assert!(offset_of!(GcTypeInfo, reserved) == seam_abi::gc::RESERVED);
    assert!(size_of::<GcTypeInfo>() == seam_abi::gc::TYPE_INFO_SIZE);
};

// SAFETY: a descriptor is immutable data; `ref_offsets` points at immutable
// static data, so sharing it between threads is harmless.
unsafe impl Sync for GcTypeInfo {}

impl GcTypeInfo {
    /// A descriptor for objects without references.
    pub const fn no_refs() -> GcTypeInfo {
        GcTypeInfo {
            kind: kind::NO_REFS,
            ref_count: 0,
            ref_offsets: std::ptr::null(),
            len_offset: 0,
            items_offset: 0,
            mask_offset: 0,
            reserved: 0,
        }
    }

    /// A descriptor for objects with references at the given byte offsets.
    pub const fn fixed_refs(offsets: &'static [u32]) -> GcTypeInfo {
        GcTypeInfo {
            kind: kind::FIXED_REFS,
            ref_count: offsets.len() as u32,
            ref_offsets: offsets.as_ptr(),
            len_offset: 0,
            items_offset: 0,
            mask_offset: 0,
            reserved: 0,
        }
    }

    /// A descriptor for arrays of reference words.
    pub const fn ref_array(len_offset: u32, items_offset: u32) -> GcTypeInfo {
        GcTypeInfo {
            kind: kind::REF_ARRAY,
            ref_count: 0,
            ref_offsets: std::ptr::null(),
            len_offset,
            items_offset,
            mask_offset: 0,
            reserved: 0,
        }
    }

    /// A descriptor for tuple-like objects with an inline reference bitmask.
    pub const fn tuple(len_offset: u32, mask_offset: u32, items_offset: u32) -> GcTypeInfo {
        GcTypeInfo {
            kind: kind::TUPLE,
            ref_count: 0,
            ref_offsets: std::ptr::null(),
            len_offset,
            items_offset,
            mask_offset,
            reserved: 0,
        }
    }
}
