//! The heap: a generational mark-sweep collector that never moves objects.
//!
//! Small objects (header included, up to [`MAX_SMALL`] bytes) live in 64 KiB
//! chunks carved into equal slots, one size class per chunk, 16-byte
//! granularity, and are allocated from per-class free lists whose heads are
//! the runtime data symbol [`seam_gc_free`] (generated code pops them inline,
//! see `seam_abi::gc`). Larger objects get their own block from the system
//! allocator. Each object is preceded by an 8-byte header:
//!
//! ```text
//!   bit 0     allocated (a free slot has it clear)
//!   bit 1     old: the mark bit, kept between collections ("sticky")
//!   bit 2     large block
//!   bit 3     remembered by the write barrier
//!   bit 4     carded: a large reference array remembered by card
//!   bit 5     aged: a young object that survived one minor collection
//!   bit 6     with bit 5: the parity of the collection that aged it
//!   bits 8..  size class index (small objects), total size (large blocks)
//! ```
//!
//! A large element array of references is remembered by card rather than
//! whole (`seam_abi::gc`): its block carries one byte per [`CARD_BYTES`] of the
//! object after the object's bytes, the barrier of a store into it once it is
//! old dirties the card of the word written ([`remember_slot`]; inline in
//! generated code), and a minor collection traces only the dirty cards' words,
//! cleaning them, instead of the whole array. A program that keeps appending
//! young objects to a big old list costs each minor collection the cards it
//! wrote, not the list.
//!
//! Generations without copying (sticky mark bits): an object is young from
//! its allocation until it has survived two minor collections (or one major
//! one), old after. A *minor* collection marks only young objects, from the
//! roots (the shadow stack and every static root) and from the remembered
//! old objects, which the write barrier recorded when a reference was stored
//! into them; it never traces an old object otherwise, so its work is
//! proportional to the roots and the survivors. A young object it reaches
//! for the first time is *aged* (bit 5, with the collection's parity in bit
//! 6, so that the same collection reaching it again leaves it be): it stays
//! young and where it is, and the sweep keeps it; the next minor collection
//! promotes it if it reaches it again, and otherwise leaves it aged with the
//! parity of an earlier collection, which the sweep frees. An object that half-built
//! data holds when a collection comes is thus not promoted unless it is still
//! alive at the next one. Because a survivor stays young, an old object that
//! holds one stays remembered (a carded array, that card dirty) until it is
//! promoted, and an object promoted while holding one is remembered then. A
//! *major* collection clears every mark and every age and marks the whole
//! heap, which makes everything it reaches old. Both sweep lazily: a collection leaves the free lists as they are,
//! and the allocator sweeps the next chunk of the size class it needs when
//! its list runs dry (going round the class's chunks; a chunk is swept at
//! most once between two collections, since until the next one its unmarked
//! objects may be young and alive), freeing the unmarked (dead young, or
//! after a major, dead) objects. A
//! chunk a sweep finds completely old is skipped until the next major, so
//! minor cycles do not re-sweep the old generation either.
//!
//! When to collect: [`seam_gc_budget`] counts down the bytes allocated since
//! the last collection (4 MiB: the nursery; `SEAM_GC_NURSERY_KB` sets
//! another size; inline allocation decrements it); when a request
//! does not fit, the slow path collects: a major one when the bytes promoted
//! since the last major, with the young survivors' (which the next minor
//! collection promotes if they are still alive), exceed
//! `max(4 MiB, 1/2 of the live data)` (the 4 MiB
//! floor is the nursery's size when that is smaller; `SEAM_GC_MAJOR_PERCENT`
//! sets another share than 50 %), a minor
//! one otherwise. `SEAM_GC_STRESS=1` keeps the budget at zero, so every
//! allocation takes the slow path and collects (a major one every
//! [`STRESS_MAJOR_EVERY`]th time). Chunks are kept for reuse; after a major
//! collection that finds the live data below half of what the chunks hold,
//! the pages of the empty chunks beyond the next cycle's needs are given
//! back to the system (they stay mapped, read as free, and take memory again
//! when swept for reuse). Large blocks are freed by the collection that
//! finds them dead. When the system refuses memory (a chunk or a large
//! block), the collector runs a major collection and tries once more; if
//! that fails too, [`alloc`] returns null and the caller reports it (the
//! runtime raises `MemoryError`). Nothing here aborts on a refusal: chunks
//! are carved from anonymous memory mapped 16 at a time (untouched until
//! carved, so it takes no memory before), large blocks come from [`System`]
//! directly, and the collector's own vectors grow
//! with `try_reserve` (a full mark stack makes a minor collection a major
//! one, and a major one falls back to rescanning the heap; a remembered set
//! that cannot grow makes the next collection a major one). A few spare
//! chunks are held back for handling a refusal: once the caller says it is
//! handling one ([`open_spares`]), small requests the system refuses take a
//! spare chunk, so that a program that has just been refused memory can
//! still allocate the few small objects it needs to handle that (the
//! exception, the objects its handler makes). Spares are taken again after
//! later collections, when the system allows; once they all are, they are
//! held back again.
//!
//! In debug builds dead small objects are filled with `0xdd` when swept, and
//! marking asserts that every reference points at an allocated slot, so a
//! missed root fails loudly. In any build, `SEAM_GC_VERIFY=N` checks the
//! heap reachable from the roots before and after every `N`th collection
//! (see [`Heap::verify`]) and stops the process at the first bad reference
//! or unremembered old-to-young reference. This module does not know who the
//! roots belong to or what the objects mean.

use crate::{GcTypeInfo, fallibly, kind, shadow};
use seam_abi::gc::{
    CARD_BYTES, CARD_SHIFT, GRANULE, HDR_AGE_PARITY as PARITY, HDR_AGED as AGED,
    HDR_ALLOCATED as ALLOCATED, HDR_CARDED as CARDED, HDR_CLASS_SHIFT as CLASS_SHIFT,
    HDR_LARGE as LARGE, HDR_OLD as MARK, HDR_REMEMBERED as REMEMBERED, HEADER, MAX_SMALL,
    NUM_CLASSES,
};
use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::RefCell;
use std::ptr::null_mut;

const CHUNK_BYTES: usize = 64 * 1024;
/// How many chunks' worth of memory is mapped at a time ([`Heap::take_chunk`]):
/// fewer system calls and mappings than one per chunk, and the part not yet
/// carved takes no memory (its pages are not touched).
const CHUNK_BATCH: usize = 16;
/// The bytes allocated between two collections (the nursery's size): large
/// enough that most young objects are dead by the time it fills. Measured on
/// binary trees (depth 16, `DECISIONS.md` entry 31), with the age bit: 1 and
/// 2 MiB cost 1.3x and 1.15x the time of 4 MiB for no less peak memory.
const NURSERY_BYTES: usize = 4 << 20;
/// The least major threshold (or the nursery's size, when smaller).
const MIN_THRESHOLD: usize = 4 << 20;
/// A major collection comes once the bytes promoted since the last one exceed
/// `live * MAJOR_PERCENT / 100` (at least [`MIN_THRESHOLD`]);
/// `SEAM_GC_MAJOR_PERCENT` sets another percentage.
const MAJOR_PERCENT: usize = 50;
/// The share (in percent) of a full nursery, and of the young survivors
/// aged by the last collection, that a minor collection must find alive for
/// the next one to promote at once what it reaches for the first time,
/// instead of ageing it (see [`Heap::minor`]).
const AGE_SURVIVAL_PERCENT: usize = 50;
/// Under `SEAM_GC_STRESS`, every this many collections is a major one.
const STRESS_MAJOR_EVERY: u64 = 16;
/// Shadow-stack capacity in words (64 MiB of address space, reserved lazily by the OS).
const SHADOW_STACK_WORDS: usize = 8 << 20;
/// The most entries the mark stack may hold before marking falls back to
/// rescanning the heap (small in unit tests, so that they exercise the fallback).
const MARK_STACK_LIMIT: usize = if cfg!(test) { 16 } else { usize::MAX };
/// How many spare chunks are held back (untouched, zeroed memory).
const SPARE_CHUNKS: usize = 8;

/// The free-list heads, one per size class: the header address of a free
/// slot, whose next link is the word after its header (null: empty). Read
/// and popped by inline allocation in generated code.
#[unsafe(no_mangle)]
#[allow(
    non_upper_case_globals,
    reason = "the symbol name is part of the runtime ABI"
)]
pub static mut seam_gc_free: [*mut u8; NUM_CLASSES] = [null_mut(); NUM_CLASSES];

/// The bytes that may still be allocated before the next collection
/// (negative once a request has not fitted). Decremented by inline allocation.
#[unsafe(no_mangle)]
#[allow(
    non_upper_case_globals,
    reason = "the symbol name is part of the runtime ABI"
)]
pub static mut seam_gc_budget: i64 = 0;

/// The free-list head of size class `class`.
fn free_head(class: usize) -> *mut *mut u8 {
    // SAFETY: `class < NUM_CLASSES`; only the collector's thread touches the array.
    unsafe { (&raw mut seam_gc_free).cast::<*mut u8>().add(class) }
}

/// Counters kept since [`init`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct GcStats {
    /// Completed collections, minor and major.
    pub collections: u64,
    /// Completed minor collections.
    pub minor_collections: u64,
    /// Completed major collections.
    pub major_collections: u64,
    /// Bytes handed out in total (headers and size-class rounding included).
    pub bytes_allocated: u64,
    /// Bytes of young objects a minor collection promoted (that survived
    /// their second minor collection, or were reached by a collection that
    /// promotes at once).
    pub bytes_promoted: u64,
    /// Bytes of young objects that survived their first minor collection
    /// (kept young: promoted if they survive the next one too).
    pub bytes_aged: u64,
    /// Bytes of the old generation and of the young survivors, plus the bytes
    /// allocated since the last collection.
    pub heap_bytes: u64,
    /// The largest `heap_bytes` seen at a collection.
    pub peak_heap_bytes: u64,
    /// Dirty cards a minor collection traced (and cleaned).
    pub cards_traced: u64,
    /// Bytes of empty chunks whose pages were given back to the system.
    pub bytes_released: u64,
    /// The longest collection, in nanoseconds (timed only under `SEAM_GC_STATS=1`).
    pub max_pause_ns: u64,
    /// All collections together, in nanoseconds (timed only under `SEAM_GC_STATS=1`).
    pub total_pause_ns: u64,
}

struct Chunk {
    base: *mut u8,
    class: usize,
}

struct Heap {
    chunks: Vec<Chunk>,
    /// Per size class, the indices (in `chunks`) of its chunks.
    by_class: [Vec<usize>; NUM_CLASSES],
    /// Per size class, the position in `by_class` of the next chunk to sweep.
    cursor: [usize; NUM_CLASSES],
    /// Per size class, the chunks whose free slots are on its free list.
    feeding: [Vec<usize>; NUM_CLASSES],
    /// Per chunk (by index): the collection count when it was last swept or
    /// last fed a free list. A chunk may be swept only once a collection has
    /// run since: until then its unmarked objects may be young and alive.
    swept_at: Vec<u64>,
    /// Per chunk (by index): a sweep found it all old, so it is skipped until the next major.
    full: Vec<bool>,
    /// Per chunk (by index): empty, its pages given back to the system (it
    /// reads as zeroes: all free) until a sweep threads its slots again.
    released: Vec<bool>,
    /// Per chunk (by index): found empty by the last major collection and
    /// not swept since: the next major gives its pages back if still so.
    idle: Vec<bool>,
    /// Large blocks: header address and the block's size (card table included).
    large: Vec<(*mut u8, usize)>,
    /// The carded large blocks (header addresses), a subset of `large`.
    carded: Vec<*mut u8>,
    mark_stack: Vec<*mut u8>,
    /// Set when a marked object could not be queued for tracing: the heap
    /// must be rescanned for marked objects before sweeping.
    mark_overflow: bool,
    /// Old objects the write barrier recorded since the last collection.
    remembered: Vec<*mut u8>,
    /// Set when `remembered` could not grow: the next collection is a major one.
    remembered_overflow: bool,
    /// Set during a major collection (marking traces old objects too).
    major: bool,
    /// Bytes marked by the collection under way (a minor one: promoted by it).
    marked_bytes: usize,
    /// The [`PARITY`] bit of the minor collection under way (or of the last one).
    parity: u64,
    /// Bytes of the young objects the collection under way aged.
    aged_bytes: usize,
    /// Bytes of the young survivors (aged by the last collection, alive at it).
    young_bytes: usize,
    /// Bytes of the objects allocated since the last collection that the
    /// collection under way reached (aged or promoted at once).
    fresh_bytes: usize,
    /// Set when the next minor collection promotes the objects it reaches
    /// for the first time at once instead of ageing them (data that mostly
    /// lives long gains nothing from a second trace): the last one came from
    /// a full nursery and found most of it alive (more than
    /// [`AGE_SURVIVAL_PERCENT`]), and either it promoted at once too or most
    /// of what the one before had aged was alive again.
    promote_at_once: bool,
    /// Bytes of old objects (live at the last major, plus promoted since).
    old_bytes: usize,
    /// Bytes promoted since the last major collection.
    promoted_since_major: usize,
    /// A major collection comes once `promoted_since_major` reaches this.
    major_threshold: usize,
    /// The least `major_threshold`: [`MIN_THRESHOLD`], or the nursery's size when smaller.
    min_threshold: usize,
    /// The major threshold's share of the live data, in percent ([`MAJOR_PERCENT`]).
    major_percent: usize,
    /// The value [`seam_gc_budget`] was given at the last collection.
    budget_start: i64,
    /// The nursery's size in bytes: [`NURSERY_BYTES`], or `SEAM_GC_NURSERY_KB`.
    nursery: usize,
    /// Mapped memory not yet carved into chunks (`fresh_chunks` of them from
    /// `fresh`): zero pages the process has not touched.
    fresh: *mut u8,
    fresh_chunks: usize,
    /// Spare zeroed chunks: the first `spares` entries.
    spare: [*mut u8; SPARE_CHUNKS],
    spares: usize,
    /// Set while a refused small request may take a spare chunk.
    use_spares: bool,
    /// Set from [`open_spares`] until the spares are all taken again.
    spares_open: bool,
    static_roots: Vec<*mut *mut u8>,
    stress: bool,
    /// `SEAM_GC_STATS`: time every collection.
    timed: bool,
    /// `SEAM_GC_STATS=2`: also print a line per collection.
    trace: bool,
    /// `SEAM_GC_VERIFY=N`: check the heap around every `N`th collection (0: never).
    verify_every: u64,
    stats: GcStats,
}

/// The collector's state: single-threaded by contract (see the crate
/// documentation), borrowed through [`with_heap`] only.
struct HeapCell(RefCell<Option<Heap>>);

// SAFETY: the collector is used from one thread at a time: every public
// entry point that reaches the cell is `unsafe` with that contract
// (translated programs are single-threaded; tests serialise themselves with
// a lock). The `RefCell` catches a second borrow on the same thread.
unsafe impl Sync for HeapCell {}

static HEAP: HeapCell = HeapCell(RefCell::new(None));

/// Runs `f` on the heap, created on first use. The borrow cannot outlive `f`,
/// and a nested call (a collector bug) panics instead of making a second
/// `&mut Heap`.
///
/// # Safety
/// No other thread may be using the collector meanwhile.
#[inline]
unsafe fn with_heap<R>(f: impl FnOnce(&mut Heap) -> R) -> R {
    let mut slot = HEAP.0.borrow_mut();
    let heap = match slot.as_mut() {
        Some(heap) => heap,
        None => first_heap(&mut slot),
    };
    f(heap)
}

/// The heap's creation, out of the allocation path.
#[cold]
#[inline(never)]
fn first_heap(slot: &mut Option<Heap>) -> &mut Heap {
    slot.insert(Heap::new())
}

/// Prepares the collector: the shadow stack, the heap, and the
/// `SEAM_GC_STRESS` / `SEAM_GC_STATS` environment switches. Idempotent.
///
/// # Safety
/// The collector is single-threaded: no other thread may be calling into it
/// at the same time (this holds for every `unsafe` entry point of the crate).
pub unsafe fn init() {
    shadow::init_shadow_stack(SHADOW_STACK_WORDS);
    // SAFETY: forwarded from the caller.
    unsafe { with_heap(|_| ()) }
}

/// Makes every allocation collect first (what `SEAM_GC_STRESS=1` does).
///
/// # Safety
/// As for [`init`]: no other thread may be using the collector.
pub unsafe fn set_stress(on: bool) {
    // SAFETY: forwarded from the caller.
    unsafe {
        with_heap(|heap| {
            heap.stress = on;
            heap.reset_budget();
        })
    }
}

/// Checks the heap now, as `SEAM_GC_VERIFY=1` does around each collection:
/// every root and every reference of every object reachable from them is
/// null or the start of an allocated object, and every reference from an old
/// object to a young one is in an object the write barrier remembered.
/// Returns the first violation, described.
///
/// # Safety
/// Every root must be a readable word. No other thread may be using the
/// collector (as for [`init`]).
pub unsafe fn verify_heap() -> Result<(), String> {
    // SAFETY: forwarded from the caller.
    unsafe { with_heap(|heap| heap.verify(false)) }
}

/// The collector's counters.
///
/// # Safety
/// As for [`init`]: no other thread may be using the collector.
pub unsafe fn stats() -> GcStats {
    // SAFETY: forwarded from the caller.
    unsafe {
        with_heap(|heap| {
            let mut s = heap.stats;
            let pending = heap.allocated_since() as u64;
            s.bytes_allocated += pending;
            s.heap_bytes = (heap.old_bytes + heap.young_bytes) as u64 + pending;
            s.peak_heap_bytes = s.peak_heap_bytes.max(s.heap_bytes);
            s
        })
    }
}

/// Allocates a zeroed object of `size` bytes whose offset 0 holds `desc`.
/// May collect first: every object the caller still needs must be reachable
/// from the roots. Returns null when the memory cannot be had, even after a
/// collection (the size is past what the address space allows, or the system
/// refuses it); the heap is then unchanged apart from that collection.
///
/// # Safety
/// `desc` must point to a [`GcTypeInfo`] that stays valid while the object
/// lives and whose offsets fit inside `size` bytes (for array kinds, the
/// length words the caller stores must fit too). Every object reachable from
/// the roots must be well formed (see [`GcTypeInfo`]), and every old object
/// holding a reference to a young one remembered ([`remember`]). No other
/// thread may be using the collector (as for [`init`]).
pub unsafe fn alloc(desc: *const GcTypeInfo, size: usize) -> *mut u8 {
    if size <= MAX_SMALL {
        // The fast path generated code inlines (`seam_abi::gc`).
        let (total, class) = seam_abi::gc::size_class(size);
        if let Some(class) = class {
            let head = free_head(class);
            // SAFETY: only the collector's thread touches the lists and the
            // budget; a non-null head is a free slot of `total` bytes whose
            // link is the word after its header.
            unsafe {
                let slot = *head;
                let left = seam_gc_budget - total as i64;
                if !slot.is_null() && left >= 0 {
                    *head = *(slot.add(HEADER) as *mut *mut u8);
                    seam_gc_budget = left;
                    std::ptr::write_bytes(slot, 0, total);
                    *(slot as *mut u64) = ALLOCATED | ((class as u64) << CLASS_SHIFT);
                    let obj = slot.add(HEADER);
                    *(obj as *mut *const GcTypeInfo) = desc;
                    return obj;
                }
            }
        }
    }
    // SAFETY: forwarded from the caller.
    unsafe { with_heap(|heap| heap.alloc(desc, size)) }
}

/// The write barrier's slow path: records `obj`, an old object not yet
/// remembered, which is about to hold a reference (possibly to a young
/// object), so that the next minor collection traces it. Does nothing for a
/// young or already remembered object. Never collects.
///
/// # Safety
/// `obj` must be a live object of this heap. No other thread may be using
/// the collector (as for [`init`]).
pub unsafe fn remember(obj: *mut u8) {
    // SAFETY: `obj` is a live object: its header is readable.
    let h = unsafe { header(obj) };
    // SAFETY: as above.
    if unsafe { *h } & (MARK | REMEMBERED) != MARK {
        return;
    }
    // SAFETY: as above.
    if unsafe { *h } & CARDED != 0 {
        // No slot given: every card may now hold a young object.
        // SAFETY: a carded object's block holds its card table.
        unsafe { cards(obj).fill(1) };
        return;
    }
    // SAFETY: as above.
    unsafe { *h |= REMEMBERED };
    // SAFETY: forwarded from the caller.
    unsafe {
        with_heap(|heap| {
            if heap.remembered.len() < heap.remembered.capacity()
                || fallibly(|| heap.remembered.try_reserve(1)).is_ok()
            {
                heap.remembered.push(obj);
            } else {
                heap.remembered_overflow = true;
            }
        })
    }
}

/// The write barrier of a store of a reference into the word at byte offset
/// `offset` of `obj`: dirties the card of that word when `obj` is an old
/// carded array, [`remember`]s `obj` when it is another old object not yet
/// remembered, and does nothing otherwise. Never collects.
///
/// # Safety
/// `obj` must be a live object of this heap with a word at `offset`. No
/// other thread may be using the collector (as for [`init`]).
#[inline]
pub unsafe fn remember_slot(obj: *mut u8, offset: usize) {
    // SAFETY: `obj` is a live object: its header is readable; a carded
    // object's card table follows its bytes and covers `offset`.
    unsafe {
        let h = *header(obj);
        if h & (MARK | REMEMBERED) != MARK {
            return;
        }
        if h & CARDED != 0 {
            *obj.sub(HEADER)
                .add((h >> CLASS_SHIFT) as usize + (offset >> CARD_SHIFT)) = 1;
        } else {
            remember(obj);
        }
    }
}

/// The card table of the carded object `obj`: one byte per [`CARD_BYTES`] of
/// the object, nonzero when dirty.
///
/// # Safety
/// `obj` must be a live carded object of this heap, and the slice must not
/// outlive it.
unsafe fn cards<'a>(obj: *mut u8) -> &'a mut [u8] {
    // SAFETY: the card table follows the object's `total` bytes in its block.
    unsafe {
        let total = (*header(obj) >> CLASS_SHIFT) as usize;
        std::slice::from_raw_parts_mut(obj.sub(HEADER).add(total), card_count(total))
    }
}

/// Whether `obj` is carded and the card holding its byte `offset` is dirty.
///
/// # Safety
/// `obj` must be a live object of this heap, `offset` inside it.
#[cfg(test)]
pub(crate) unsafe fn card_is_dirty(obj: *mut u8, offset: usize) -> bool {
    // SAFETY: forwarded from the caller.
    unsafe { *header(obj) & CARDED != 0 && cards(obj)[offset >> CARD_SHIFT] != 0 }
}

/// How many cards an object of `total` bytes (header included) has: enough
/// for every offset from its start.
fn card_count(total: usize) -> usize {
    (total - HEADER).div_ceil(CARD_BYTES)
}

/// Whether `obj` is old (has survived a collection): a store of a reference
/// into it needs [`remember`] unless it is already remembered.
///
/// # Safety
/// `obj` must be a live object of this heap.
#[inline]
pub unsafe fn needs_remembering(obj: *mut u8) -> bool {
    // SAFETY: forwarded from the caller.
    unsafe { *header(obj) & (MARK | REMEMBERED) == MARK }
}

/// Lets the small requests the system refuses take the spare chunks held
/// back for this, until a collection has taken them all back: the caller is
/// handling a refusal (raising `MemoryError`) and needs a few small objects.
///
/// # Safety
/// As for [`init`]: no other thread may be using the collector.
pub unsafe fn open_spares() {
    // SAFETY: forwarded from the caller.
    unsafe { with_heap(|heap| heap.spares_open = true) }
}

/// Runs a full (major) collection now and sweeps the whole heap at once.
///
/// # Safety
/// Every root must hold null or a pointer to a live, well-formed GC object.
/// No other thread may be using the collector (as for [`init`]).
pub unsafe fn collect() {
    // SAFETY: forwarded from the caller.
    unsafe {
        with_heap(|heap| {
            heap.collect(true);
            heap.sweep_all();
        })
    }
}

/// Runs a minor collection now (a major one if one is due).
///
/// # Safety
/// As for [`collect`].
pub unsafe fn collect_minor() {
    // SAFETY: forwarded from the caller.
    unsafe {
        with_heap(|heap| {
            heap.collect(false);
        })
    }
}

/// Runs a major collection now, leaving the sweeping to the allocator (as a
/// major collection the allocation budget triggers does).
///
/// # Safety
/// As for [`collect`].
#[cfg(test)]
pub(crate) unsafe fn collect_major_lazily() {
    // SAFETY: forwarded from the caller.
    unsafe {
        with_heap(|heap| {
            heap.collect(true);
        })
    }
}

/// Starts the peak heap size over from the heap's size now (the counter is
/// process-wide; a test that measures it must not see an earlier test's peak).
///
/// # Safety
/// As for [`init`]: no other thread may be using the collector.
#[cfg(test)]
pub(crate) unsafe fn reset_peak() {
    // SAFETY: forwarded from the caller.
    unsafe {
        with_heap(|heap| {
            heap.stats.peak_heap_bytes = (heap.old_bytes + heap.young_bytes) as u64;
        })
    }
}

/// The spare chunks held back now (their bases).
///
/// # Safety
/// As for [`init`]: no other thread may be using the collector.
#[cfg(test)]
pub(crate) unsafe fn spare_chunks() -> Vec<*mut u8> {
    // SAFETY: forwarded from the caller.
    unsafe { with_heap(|heap| heap.spare[..heap.spares].to_vec()) }
}

/// Sweeps every chunk the allocator has not swept since the last collection.
///
/// # Safety
/// As for [`init`]: no other thread may be using the collector.
#[cfg(test)]
pub(crate) unsafe fn sweep_all() {
    // SAFETY: forwarded from the caller.
    unsafe { with_heap(|heap| heap.sweep_all()) }
}

/// Registers `slot` (a global holding null or a GC reference) as a root.
/// Every collection, minor or major, scans it: storing into it needs no barrier.
///
/// # Safety
/// `slot` must stay valid for the rest of the process and always hold null
/// or a pointer to a GC object. No other thread may be using the collector
/// (as for [`init`]).
pub unsafe fn add_root(slot: *mut *mut u8) {
    // SAFETY: forwarded from the caller.
    unsafe { with_heap(|heap| heap.static_roots.push(slot)) }
}

/// `SEAM_GC_VERIFY`'s value: a count `N` verifies after every `N`th
/// collection; any other non-empty value but `0`, after each one.
pub(crate) fn verify_interval(value: Option<&std::ffi::OsStr>) -> u64 {
    match value.map(|v| v.to_str()) {
        None | Some(Some("" | "0")) => 0,
        Some(Some(v)) => v.parse::<u64>().unwrap_or(1),
        Some(None) => 1,
    }
}

/// The environment variable `name` as a number, if it is one.
fn env_number(name: &str) -> Option<usize> {
    std::env::var(name).ok()?.parse().ok()
}

fn env_flag(name: &str) -> bool {
    std::env::var_os(name).is_some_and(|v| !v.is_empty() && v != "0")
}

extern "C" fn print_stats_at_exit() {
    // At exit the program's thread has stopped calling into the collector,
    // unless the process is ending from inside it (a failed allocation the
    // collector did not expect): then the counters are left unprinted.
    let Ok(heap) = HEAP.0.try_borrow() else {
        return;
    };
    let Some(h) = heap.as_ref() else {
        return;
    };
    let mut s = h.stats;
    s.bytes_allocated += h.allocated_since() as u64;
    eprintln!("seam-gc: collections {}", s.collections);
    eprintln!("seam-gc: minor collections {}", s.minor_collections);
    eprintln!("seam-gc: major collections {}", s.major_collections);
    eprintln!("seam-gc: bytes allocated {}", s.bytes_allocated);
    eprintln!("seam-gc: bytes promoted {}", s.bytes_promoted);
    eprintln!("seam-gc: bytes aged (kept young once) {}", s.bytes_aged);
    eprintln!("seam-gc: dirty cards traced {}", s.cards_traced);
    eprintln!("seam-gc: bytes given back {}", s.bytes_released);
    eprintln!("seam-gc: peak heap bytes {}", s.peak_heap_bytes);
    eprintln!(
        "seam-gc: pause max {:.3} ms, total {:.3} ms",
        s.max_pause_ns as f64 / 1e6,
        s.total_pause_ns as f64 / 1e6
    );
}

/// The header word of the object at `obj`.
///
/// # Safety
/// `obj` must be an object this heap allocated.
unsafe fn header(obj: *mut u8) -> *mut u64 {
    // SAFETY: every object is preceded by its header.
    unsafe { obj.sub(HEADER) as *mut u64 }
}

/// The bytes (header included) of the object whose header is `h`.
fn object_bytes(h: u64) -> usize {
    if h & LARGE != 0 {
        (h >> CLASS_SHIFT) as usize
    } else {
        (((h >> CLASS_SHIFT) & 0xff) as usize + 1) * GRANULE
    }
}

impl Heap {
    fn new() -> Heap {
        let timed = env_flag("SEAM_GC_STATS");
        if timed {
            crate::os::at_exit(print_stats_at_exit);
        }
        let mut heap = Heap {
            chunks: Vec::new(),
            by_class: std::array::from_fn(|_| Vec::new()),
            cursor: [0; NUM_CLASSES],
            feeding: std::array::from_fn(|_| Vec::new()),
            swept_at: Vec::new(),
            full: Vec::new(),
            released: Vec::new(),
            idle: Vec::new(),
            large: Vec::new(),
            carded: Vec::new(),
            mark_stack: Vec::new(),
            mark_overflow: false,
            remembered: Vec::new(),
            remembered_overflow: false,
            major: false,
            marked_bytes: 0,
            parity: 0,
            aged_bytes: 0,
            young_bytes: 0,
            fresh_bytes: 0,
            promote_at_once: false,
            old_bytes: 0,
            promoted_since_major: 0,
            major_threshold: 0,
            min_threshold: 0,
            major_percent: env_number("SEAM_GC_MAJOR_PERCENT")
                .filter(|&p| p > 0)
                .map_or(MAJOR_PERCENT, |p| p.min(10_000)),
            budget_start: 0,
            nursery: env_number("SEAM_GC_NURSERY_KB")
                .filter(|&kb| kb > 0)
                .map_or(NURSERY_BYTES, |kb| kb.saturating_mul(1024).min(1 << 40)),
            fresh: null_mut(),
            fresh_chunks: 0,
            spare: [null_mut(); SPARE_CHUNKS],
            spares: 0,
            use_spares: false,
            spares_open: false,
            static_roots: Vec::new(),
            stress: env_flag("SEAM_GC_STRESS"),
            timed,
            trace: std::env::var_os("SEAM_GC_STATS").is_some_and(|v| v == "2"),
            verify_every: verify_interval(std::env::var_os("SEAM_GC_VERIFY").as_deref()),
            stats: GcStats::default(),
        };
        heap.min_threshold = MIN_THRESHOLD.min(heap.nursery);
        heap.major_threshold = heap.min_threshold;
        heap.reset_budget();
        heap.refill_spares();
        heap
    }

    /// Gives the allocation budget its size for a new cycle: none under
    /// stress (every allocation takes the slow path), the nursery's otherwise.
    fn reset_budget(&mut self) {
        self.budget_start = if self.stress { 0 } else { self.nursery as i64 };
        // SAFETY: only the collector's thread touches the budget.
        unsafe { seam_gc_budget = self.budget_start };
    }

    /// The bytes allocated since the last collection.
    fn allocated_since(&self) -> usize {
        // SAFETY: only the collector's thread touches the budget.
        let left = unsafe { seam_gc_budget };
        (self.budget_start - left).max(0) as usize
    }

    /// [`alloc`] on this heap.
    ///
    /// # Safety
    /// As for [`alloc`].
    unsafe fn alloc(&mut self, desc: *const GcTypeInfo, size: usize) -> *mut u8 {
        let size = size.max(8);
        let total = size
            .checked_add(HEADER + GRANULE - 1)
            .map(|t| t / GRANULE * GRANULE);
        let need = total.unwrap_or(usize::MAX).min(i64::MAX as usize) as i64;
        let mut major = false;
        // SAFETY: only the collector's thread touches the budget.
        if self.stress || unsafe { seam_gc_budget } < need {
            // SAFETY: the caller guarantees well-formed roots.
            major = unsafe { self.collect(false) };
        }
        let Some(total) = total else {
            return null_mut();
        };
        // SAFETY: the caller's guarantee: `desc` is a valid descriptor.
        let carded = total > MAX_SMALL && unsafe { (*desc).kind } == kind::REF_ARRAY;
        let mut obj = self.allocate(total, carded);
        if obj.is_null() && !major {
            // The system refused: the dead old objects' memory may make room.
            // SAFETY: the caller guarantees well-formed roots.
            unsafe { self.collect(true) };
            obj = self.allocate(total, carded);
        }
        if obj.is_null() && self.spares_open && total <= MAX_SMALL && self.spares > 0 {
            self.use_spares = true;
            obj = self.allocate(total, carded);
            self.use_spares = false;
        }
        if obj.is_null() {
            return null_mut();
        }
        // SAFETY: `obj` is a fresh block of at least 8 bytes; only the
        // collector's thread touches the budget.
        unsafe {
            *(obj as *mut *const GcTypeInfo) = desc;
            seam_gc_budget -= total as i64;
        }
        obj
    }

    /// A zeroed object of `total` bytes (header included, a multiple of
    /// [`GRANULE`]), header set, descriptor not yet written; null when the
    /// system refuses the memory. A large object is `carded` (a reference
    /// array) or not.
    fn allocate(&mut self, total: usize, carded: bool) -> *mut u8 {
        if total > MAX_SMALL {
            return self.allocate_large(total, carded);
        }
        let class = total / GRANULE - 1;
        let head = free_head(class);
        // SAFETY: `head` is the list head of `class` (see `free_head`).
        while unsafe { *head }.is_null() {
            if !self.sweep_next(class) && !self.add_chunk(class) {
                return null_mut();
            }
        }
        // SAFETY: the head is a free slot of `total` bytes inside one of our
        // chunks, its link in the word after the header.
        unsafe {
            let slot = *head;
            *head = *(slot.add(HEADER) as *mut *mut u8);
            std::ptr::write_bytes(slot, 0, total);
            *(slot as *mut u64) = ALLOCATED | ((class as u64) << CLASS_SHIFT);
            slot.add(HEADER)
        }
    }

    /// A large block for an object of `total` bytes, followed by its (clean)
    /// card table when `carded`; null when the system refuses the memory.
    fn allocate_large(&mut self, total: usize, carded: bool) -> *mut u8 {
        let size = if carded {
            card_count(total)
                .checked_next_multiple_of(GRANULE)
                .and_then(|c| total.checked_add(c))
        } else {
            Some(total)
        };
        let Some(Ok(layout)) = size.map(|size| Layout::from_size_align(size, GRANULE)) else {
            return null_mut();
        };
        if fallibly(|| self.large.try_reserve(1)).is_err()
            || (carded && fallibly(|| self.carded.try_reserve(1)).is_err())
        {
            return null_mut();
        }
        // SAFETY: `layout` has a non-zero size.
        let block = unsafe { System.alloc_zeroed(layout) };
        if block.is_null() {
            return null_mut();
        }
        let card_bit = if carded { CARDED } else { 0 };
        // SAFETY: the block is at least `total` > 8 bytes.
        unsafe {
            *(block as *mut u64) = ALLOCATED | LARGE | card_bit | ((total as u64) << CLASS_SHIFT)
        };
        self.large.push((block, layout.size()));
        if carded {
            self.carded.push(block);
        }
        // SAFETY: the object starts right after the header, inside the block.
        unsafe { block.add(HEADER) }
    }

    /// Sweeps the next chunk of size class `class` that may have room and
    /// has not been swept since the last collection, going round the class's
    /// chunks; false when there is none. Only called when the class's free
    /// list is empty, so no slot of the chunk is on it already.
    fn sweep_next(&mut self, class: usize) -> bool {
        self.feeding[class].clear();
        let now = self.stats.collections;
        let n = self.by_class[class].len();
        for _ in 0..n {
            if self.cursor[class] >= n {
                self.cursor[class] = 0;
            }
            let index = self.by_class[class][self.cursor[class]];
            self.cursor[class] += 1;
            if self.full[index] || self.swept_at[index] >= now {
                continue;
            }
            self.swept_at[index] = now;
            if self.sweep_chunk(index) {
                self.feeding[class].push(index);
                return true;
            }
        }
        false
    }

    /// Frees the objects of chunk `index` the last collection did not reach
    /// (neither old nor aged by it: an object aged by an earlier collection
    /// and not promoted since was not reached again) and puts its free slots
    /// on its class's free list; false when there is none, and then, if
    /// every slot holds an old object, the chunk is marked full until the
    /// next major collection (a young survivor may die by the next
    /// collection). An aged object the last collection did not reach keeps
    /// its age, so a chunk not swept between that collection and the next
    /// one, whose parity is the same as the ageing one's, keeps it one more
    /// cycle (until a sweep after a collection of the other parity, or a
    /// major collection, which clears every age).
    fn sweep_chunk(&mut self, index: usize) -> bool {
        let last = self.last_parity();
        self.released[index] = false;
        self.idle[index] = false;
        let Chunk { base, class } = self.chunks[index];
        let slot_size = (class + 1) * GRANULE;
        let head = free_head(class);
        let mut found = false;
        let mut young = false;
        for i in (0..CHUNK_BYTES / slot_size).rev() {
            // SAFETY: slot `i` lies inside the chunk; its header says whether
            // it is in use; `head` is its class's list head.
            unsafe {
                let slot = base.add(i * slot_size);
                let h = slot as *mut u64;
                let bits = *h;
                if bits & ALLOCATED != 0
                    && (bits & MARK != 0 || bits & (AGED | PARITY) == AGED | last)
                {
                    young |= bits & AGED != 0;
                    continue;
                }
                if *h & ALLOCATED != 0 && cfg!(debug_assertions) {
                    // Poison the dead object so a missed root fails loudly.
                    std::ptr::write_bytes(slot.add(HEADER), 0xdd, slot_size - HEADER);
                }
                *h = 0;
                *(slot.add(HEADER) as *mut *mut u8) = *head;
                *head = slot;
                found = true;
            }
        }
        if !found && !young {
            self.full[index] = true;
        }
        found
    }

    /// The [`PARITY`] bit of the last collection: the age parity of the
    /// objects it aged.
    fn last_parity(&self) -> u64 {
        if self.stats.collections & 1 == 1 {
            PARITY
        } else {
            0
        }
    }

    /// Sweeps every chunk, rebuilding the free lists from scratch. Only right
    /// after a collection, when every object has been through it.
    fn sweep_all(&mut self) {
        let now = self.stats.collections;
        for class in 0..NUM_CLASSES {
            // SAFETY: `class` is a valid class index.
            unsafe { *free_head(class) = null_mut() };
            self.feeding[class].clear();
            for k in 0..self.by_class[class].len() {
                let index = self.by_class[class][k];
                if self.released[index] {
                    // Left for the allocator to take back when it needs room.
                    continue;
                }
                self.swept_at[index] = now;
                if !self.full[index] && self.sweep_chunk(index) {
                    self.feeding[class].push(index);
                }
            }
        }
    }

    /// Carves a new chunk into free slots of size class `class`; false when
    /// the system refuses the memory.
    fn add_chunk(&mut self, class: usize) -> bool {
        let slot_size = (class + 1) * GRANULE;
        // Room for this chunk and, when possible, for the spares too: taking a
        // spare must not need the vectors to grow.
        let room = |heap: &mut Heap, n: usize| {
            fallibly(|| heap.by_class[class].try_reserve(n)).is_ok()
                && fallibly(|| heap.feeding[class].try_reserve(n)).is_ok()
                && fallibly(|| heap.full.try_reserve(n)).is_ok()
                && fallibly(|| heap.released.try_reserve(n)).is_ok()
                && fallibly(|| heap.idle.try_reserve(n)).is_ok()
                && fallibly(|| heap.swept_at.try_reserve(n)).is_ok()
                && fallibly(|| heap.chunks.try_reserve(n)).is_ok()
        };
        if !room(self, SPARE_CHUNKS + 1) && !room(self, 1) {
            return false;
        }
        let mut base = self.take_chunk();
        if base.is_null() && self.use_spares && self.spares > 0 {
            self.spares -= 1;
            base = self.spare[self.spares];
        }
        if base.is_null() {
            return false;
        }
        let head = free_head(class);
        // Link the slots in address order, so fresh chunks allocate sequentially.
        for i in (0..CHUNK_BYTES / slot_size).rev() {
            // SAFETY: slot `i` lies inside the chunk; its header stays zero (free).
            unsafe {
                let slot = base.add(i * slot_size);
                *(slot.add(HEADER) as *mut *mut u8) = *head;
                *head = slot;
            }
        }
        let index = self.chunks.len();
        self.chunks.push(Chunk { base, class });
        self.full.push(false);
        self.released.push(false);
        self.idle.push(false);
        self.swept_at.push(self.stats.collections);
        self.by_class[class].push(index);
        self.feeding[class].push(index);
        true
    }

    /// After a major collection that finds the live data below half of what
    /// the chunks hold (a large drop), gives back the pages of the chunks
    /// that have stayed empty for a whole major cycle: found with no live
    /// object by the last major too, feeding no free list, and not swept
    /// since (a program that drops its data and builds it again reuses its
    /// chunks instead of faulting their pages in again), beyond the
    /// nursery's and the major threshold's worth of empty chunks, which the
    /// next cycle may fill again. A released chunk
    /// stays mapped and listed, reading as all free, and takes memory again
    /// only when a sweep threads its slots for the allocator.
    fn release_after_drop(&mut self) {
        if self.old_bytes.saturating_mul(2) >= self.chunks.len() * CHUNK_BYTES {
            self.idle.fill(false);
            return;
        }
        let mut feeding = Vec::new();
        if fallibly(|| feeding.try_reserve_exact(self.chunks.len())).is_err() {
            return;
        }
        feeding.resize(self.chunks.len(), false);
        for list in &self.feeding {
            for &index in list {
                feeding[index] = true;
            }
        }
        let mut keep = (self.nursery + self.major_threshold) / CHUNK_BYTES;
        for (index, &feeds) in feeding.iter().enumerate() {
            if feeds || self.released[index] {
                continue;
            }
            let Chunk { base, class } = self.chunks[index];
            let slot_size = (class + 1) * GRANULE;
            // SAFETY: every slot lies inside the chunk and starts with its header.
            let live = (0..CHUNK_BYTES / slot_size)
                .any(|i| unsafe { *(base.add(i * slot_size) as *const u64) } & MARK != 0);
            if live || !self.idle[index] {
                self.idle[index] = !live;
            } else if keep > 0 {
                keep -= 1;
            } else {
                // SAFETY: a chunk is 4096-aligned memory of our own, private
                // and anonymous; none of its slots is on a free list, and
                // every object in it is dead.
                unsafe { crate::os::release_pages(base, CHUNK_BYTES) };
                self.released[index] = true;
                self.stats.bytes_released += CHUNK_BYTES as u64;
            }
        }
    }

    /// A chunk's worth of zeroed memory, aligned to 4096, that the process
    /// has not touched yet (it takes memory page by page as it is written):
    /// carved from memory mapped [`CHUNK_BATCH`] chunks at a time, or one
    /// chunk at a time when the system refuses a batch; null when it refuses
    /// that too. Chunks are never given back whole (see
    /// [`Heap::release_after_drop`]), so neither is a batch.
    fn take_chunk(&mut self) -> *mut u8 {
        if self.fresh_chunks == 0 {
            let batch = crate::os::map_zeroed(CHUNK_BATCH * CHUNK_BYTES);
            if batch.is_null() {
                return crate::os::map_zeroed(CHUNK_BYTES);
            }
            self.fresh = batch;
            self.fresh_chunks = CHUNK_BATCH;
        }
        let chunk = self.fresh;
        self.fresh_chunks -= 1;
        // SAFETY: still inside the batch (or one past its end when it is used up).
        self.fresh = unsafe { self.fresh.add(CHUNK_BYTES) };
        chunk
    }

    /// Takes spare chunks from the system until there are [`SPARE_CHUNKS`]
    /// or it refuses.
    fn refill_spares(&mut self) {
        if self.spares == SPARE_CHUNKS {
            // None was used: the refusal that opened them may still hold.
            return;
        }
        while self.spares < SPARE_CHUNKS {
            let chunk = self.take_chunk();
            if chunk.is_null() {
                // Still short: the spares stay open.
                return;
            }
            self.spare[self.spares] = chunk;
            self.spares += 1;
        }
        if fallibly(|| self.chunks.try_reserve(SPARE_CHUNKS)).is_ok() {
            // The system gives memory again.
            self.spares_open = false;
        }
    }

    /// A collection: a major one when `major` is asked for or due, a minor
    /// one otherwise. Returns whether it was a major one.
    ///
    /// # Safety
    /// Every root holds null or a live, well-formed GC object; every old
    /// object holding a young one is remembered.
    unsafe fn collect(&mut self, major: bool) -> bool {
        let start = self.timed.then(std::time::Instant::now);
        let number = self.stats.collections + 1;
        let verify = self.verify_every != 0 && number.is_multiple_of(self.verify_every);
        if verify {
            // SAFETY: the roots are well formed (the caller's guarantee).
            unsafe { self.verify_or_abort(false, "before") };
        }
        let since = self.allocated_since();
        self.stats.bytes_allocated += since as u64;
        self.stats.peak_heap_bytes = self
            .stats
            .peak_heap_bytes
            .max((self.old_bytes + self.young_bytes + since) as u64);
        let major = major
            || self.remembered_overflow
            || self.promoted_since_major + self.young_bytes >= self.major_threshold
            || (self.stress && number.is_multiple_of(STRESS_MAJOR_EVERY));
        // SAFETY: forwarded from the caller.
        let major = major || !unsafe { self.minor(since) };
        if major {
            // SAFETY: forwarded from the caller.
            unsafe { self.full_mark() };
            self.release_after_drop();
        }
        self.sweep_large();
        self.refill_spares();
        // The free lists stay: their slots are still free. The chunks feeding
        // them may hold objects allocated after this collection, so they
        // count as swept by it; every other chunk may be swept again.
        self.stats.collections += 1;
        for class in 0..NUM_CLASSES {
            for &index in &self.feeding[class] {
                self.swept_at[index] = self.stats.collections;
            }
        }
        self.stats.heap_bytes = (self.old_bytes + self.young_bytes) as u64;
        self.reset_budget();
        if let Some(start) = start {
            let ns = u64::try_from(start.elapsed().as_nanos()).unwrap_or(u64::MAX);
            self.stats.max_pause_ns = self.stats.max_pause_ns.max(ns);
            self.stats.total_pause_ns = self.stats.total_pause_ns.saturating_add(ns);
        }
        if self.trace {
            self.trace_line(major, since);
        }
        if verify {
            // SAFETY: as above.
            unsafe { self.verify_or_abort(true, "after") };
        }
        major
    }

    /// `SEAM_GC_STATS=2`: one line on stderr about the collection just
    /// finished: its kind, the bytes allocated before it, the old and young
    /// survivors' bytes after it, the chunks (all, released, full) and
    /// large blocks, and the process's resident memory (now and at its peak).
    fn trace_line(&self, major: bool, since: usize) {
        let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
        let kb = |key: &str| {
            status
                .lines()
                .find_map(|l| l.strip_prefix(key))
                .and_then(|v| v.split_whitespace().next()?.parse::<usize>().ok())
                .unwrap_or(0)
        };
        let released = self.released.iter().filter(|&&r| r).count();
        let full = self.full.iter().filter(|&&f| f).count();
        let large: usize = self.large.iter().map(|&(_, n)| n).sum();
        eprintln!(
            "seam-gc: #{} {} since {} KiB, old {} KiB, young {} KiB, promoted since major {} KiB, \
             threshold {} KiB, chunks {} ({} released, {} full), large {} KiB, \
             rss {} KiB (peak {} KiB)",
            self.stats.collections,
            if major { "major" } else { "minor" },
            since >> 10,
            self.old_bytes >> 10,
            self.young_bytes >> 10,
            self.promoted_since_major >> 10,
            self.major_threshold >> 10,
            self.chunks.len(),
            released,
            full,
            large >> 10,
            kb("VmRSS:"),
            kb("VmHWM:"),
        );
    }

    /// Runs [`Heap::verify`], ending the process with the problem it finds.
    ///
    /// # Safety
    /// As for [`Heap::verify`].
    unsafe fn verify_or_abort(&self, after: bool, when: &str) {
        // SAFETY: forwarded from the caller.
        if let Err(problem) = unsafe { self.verify(after) } {
            eprintln!(
                "seam-gc: heap verification failed {when} collection {}: {problem}",
                self.stats.collections + u64::from(!after)
            );
            std::process::abort();
        }
    }

    /// A minor collection's marking: the young objects reachable from the
    /// roots, from the remembered old objects and from the dirty cards. A
    /// young object reached for the first time is aged (it stays young, and
    /// the sweep keeps it); one the last minor collection aged is promoted.
    /// An old object traced here (remembered, or promoted now) that still
    /// holds a young one after its references are marked is remembered again
    /// (a carded array: the cards of those references stay dirty). The young
    /// survivors of the last minor collection that were not reached keep the
    /// age parity of that collection, which is not this one's, so the sweep
    /// frees them (see [`Heap::sweep_chunk`]). While minor collections of a full
    /// nursery find most of it alive, and from the moment most of what one
    /// aged is still alive at the next, the objects reached for the first
    /// time are promoted at once instead: ageing only pays where most of
    /// what it keeps young dies by the next collection (never under stress,
    /// which ages always). Large objects are not aged but promoted by the
    /// first collection that finds them alive, as before the age bit: freeing
    /// the large blocks that die young one minor collection after another
    /// made the C library give their pages back and fault them in again each
    /// time (a program building a 200 KB string by concatenation took 1.35x
    /// its time), where promoted ones are freed together by a major
    /// collection. `since` is the bytes allocated since the last collection.
    /// False when the mark stack overflowed: a major collection must follow.
    ///
    /// # Safety
    /// As for [`Heap::collect`].
    unsafe fn minor(&mut self, since: usize) -> bool {
        self.major = false;
        self.marked_bytes = 0;
        self.aged_bytes = 0;
        self.fresh_bytes = 0;
        self.parity = if (self.stats.collections + 1) & 1 == 1 {
            PARITY
        } else {
            0
        };
        // SAFETY: forwarded from the caller.
        unsafe { self.mark_roots() };
        let mut remembered = std::mem::take(&mut self.remembered);
        for &obj in &remembered {
            // SAFETY: a remembered object is live (old objects are only freed by
            // a major collection, which empties the set) and well formed.
            unsafe {
                *header(obj) &= !REMEMBERED;
                self.trace_old(obj);
            }
        }
        remembered.clear();
        if self.remembered.capacity() < remembered.capacity() {
            // Keep the larger buffer for the next cycle.
            remembered.append(&mut self.remembered);
            self.remembered = remembered;
        }
        for i in 0..self.carded.len() {
            let block = self.carded[i];
            // SAFETY: a carded block holds a live reference array (dead ones are
            // dropped from `carded` when freed).
            unsafe {
                if *(block as *const u64) & MARK != 0 {
                    self.trace_dirty_cards(block.add(HEADER));
                }
            }
        }
        while let Some(obj) = self.mark_stack.pop() {
            // SAFETY: only reached live objects are pushed.
            unsafe {
                if *header(obj) & MARK != 0 {
                    // Promoted now: it may hold objects only aged now.
                    self.trace_old(obj);
                } else {
                    self.trace(obj);
                }
            }
        }
        if self.mark_overflow {
            self.mark_overflow = false;
            // The major collection that follows clears every age.
            return false;
        }
        // Ageing pays when most of what it kept young dies before the next
        // collection. Promote at once while most of a full nursery survives,
        // from the moment most of what the last collection aged survived
        // this one too.
        let full = !self.stress && since >= self.nursery / 2;
        let mostly_alive = |part: usize, whole: usize| part > whole / 100 * AGE_SURVIVAL_PERCENT;
        let aged_survived = !self.promote_at_once
            && self.young_bytes > 0
            && mostly_alive(self.marked_bytes, self.young_bytes);
        self.promote_at_once = (self.promote_at_once || aged_survived)
            && full
            && mostly_alive(self.fresh_bytes, since);
        self.old_bytes += self.marked_bytes;
        self.young_bytes = self.aged_bytes;
        self.promoted_since_major += self.marked_bytes;
        self.stats.bytes_promoted += self.marked_bytes as u64;
        self.stats.bytes_aged += self.aged_bytes as u64;
        self.stats.minor_collections += 1;
        true
    }

    /// Traces `obj`, an old object (remembered, or promoted by the minor
    /// collection under way), and remembers it again if it still holds a
    /// young object once its references are marked; a carded array has the
    /// cards of those references dirtied instead.
    ///
    /// # Safety
    /// `obj` is a live, well-formed old object.
    unsafe fn trace_old(&mut self, obj: *mut u8) {
        let mut young = false;
        // SAFETY: forwarded from the caller; each reference is null or an object.
        unsafe {
            let carded = *header(obj) & CARDED != 0;
            for_each_ref(obj, |off, r| {
                self.mark(r);
                if !r.is_null() && *header(r) & MARK == 0 {
                    if carded {
                        cards(obj)[off >> CARD_SHIFT] = 1;
                    } else {
                        young = true;
                    }
                }
            });
            if young {
                self.remember_again(obj);
            }
        }
    }

    /// Gives the old object `obj` the remembered bit and records it, during a
    /// minor collection; when the set cannot grow, the next collection is a
    /// major one.
    ///
    /// # Safety
    /// `obj` is a live old object, not carded.
    unsafe fn remember_again(&mut self, obj: *mut u8) {
        // SAFETY: forwarded from the caller.
        unsafe {
            let h = header(obj);
            if *h & REMEMBERED != 0 {
                return;
            }
            *h |= REMEMBERED;
        }
        if self.remembered.len() < self.remembered.capacity()
            || fallibly(|| self.remembered.try_reserve(1)).is_ok()
        {
            self.remembered.push(obj);
        } else {
            self.remembered_overflow = true;
        }
    }

    /// A major collection's marking: every mark cleared, then everything
    /// reachable from the roots marked.
    ///
    /// # Safety
    /// As for [`Heap::collect`].
    unsafe fn full_mark(&mut self) {
        self.clear_marks();
        self.major = true;
        self.marked_bytes = 0;
        // SAFETY: forwarded from the caller.
        unsafe { self.mark_roots() };
        loop {
            while let Some(obj) = self.mark_stack.pop() {
                // SAFETY: only marked live objects are pushed.
                unsafe { self.trace(obj) };
            }
            if !self.mark_overflow {
                break;
            }
            self.mark_overflow = false;
            // SAFETY: the roots were well formed, so every marked object is live.
            unsafe { self.retrace_marked() };
        }
        self.full.fill(false);
        self.old_bytes = self.marked_bytes;
        self.promoted_since_major = 0;
        self.major_threshold = self
            .min_threshold
            .max(self.old_bytes / 100 * self.major_percent);
        self.stats.major_collections += 1;
    }

    /// Marks the references in the dirty cards of the old carded array `obj`,
    /// and cleans those cards that then hold no young object.
    ///
    /// # Safety
    /// `obj` is a live, well-formed carded reference array.
    unsafe fn trace_dirty_cards(&mut self, obj: *mut u8) {
        // SAFETY: the caller's guarantee; the words traced lie inside the
        // array's items, which the descriptor gives.
        unsafe {
            let cards = cards(obj);
            let desc = &**(obj as *const *const GcTypeInfo);
            let items = desc.items_offset as usize;
            let end = items + 8 * *(obj.add(desc.len_offset as usize) as *const usize);
            let mut c = 0;
            while c < cards.len() {
                // Eight clean cards at a time.
                if c + 8 <= cards.len()
                    && (cards.as_ptr().add(c) as *const u64).read_unaligned() == 0
                {
                    c += 8;
                    continue;
                }
                if cards[c] != 0 {
                    self.stats.cards_traced += 1;
                    let from = (c * CARD_BYTES).max(items);
                    let to = ((c + 1) * CARD_BYTES).min(end);
                    let mut off = from.next_multiple_of(8);
                    let mut young = false;
                    while off < to {
                        let r = *(obj.add(off) as *const *mut u8);
                        self.mark(r);
                        young |= !r.is_null() && *header(r) & MARK == 0;
                        off += 8;
                    }
                    // A card whose young objects were only aged stays dirty.
                    cards[c] = u8::from(young);
                }
                c += 1;
            }
        }
    }

    /// Clears the old, remembered and age bits of every object, the
    /// remembered set and every card.
    fn clear_marks(&mut self) {
        for (chunk, &released) in self.chunks.iter().zip(&self.released) {
            if released {
                // All zeroes: writing them would take the pages back.
                continue;
            }
            let slot_size = (chunk.class + 1) * GRANULE;
            for i in 0..CHUNK_BYTES / slot_size {
                // SAFETY: slot `i` lies inside the chunk and starts with its header.
                unsafe {
                    *(chunk.base.add(i * slot_size) as *mut u64) &=
                        !(MARK | REMEMBERED | AGED | PARITY)
                };
            }
        }
        for &(block, _) in &self.large {
            // SAFETY: a large block starts with its header.
            unsafe { *(block as *mut u64) &= !(MARK | REMEMBERED | AGED | PARITY) };
        }
        for &block in &self.carded {
            // SAFETY: a carded block holds a live array and its card table.
            unsafe { cards(block.add(HEADER)).fill(0) };
        }
        self.remembered.clear();
        self.remembered_overflow = false;
        self.young_bytes = 0;
    }

    /// Marks the objects the roots hold.
    ///
    /// # Safety
    /// As for [`Heap::collect`].
    unsafe fn mark_roots(&mut self) {
        let (base, top) = shadow::live_range();
        let mut p = base;
        while p < top {
            // SAFETY: `[base, top)` is the initialised part of the shadow stack;
            // the caller guarantees each word is null or an object.
            unsafe {
                self.mark(*p as *mut u8);
                p = p.add(1);
            }
        }
        for i in 0..self.static_roots.len() {
            let slot = self.static_roots[i];
            // SAFETY: registered slots stay valid and hold null or an object.
            unsafe { self.mark(*slot) };
        }
    }

    /// Marks `obj` (null allowed) and queues it for tracing if it can hold
    /// references; does nothing to an object already marked (in a minor
    /// collection, every old object, and every young one this collection
    /// has aged). In a major collection marking makes an object old; in a
    /// minor one it ages a young object the first time it survives and
    /// promotes it the second time (the first time when the collection
    /// promotes at once, and for a large object: see [`Heap::minor`]).
    ///
    /// # Safety
    /// `obj` is null or a live object of this heap.
    #[inline(always)]
    unsafe fn mark(&mut self, obj: *mut u8) {
        if obj.is_null() {
            return;
        }
        // SAFETY: `obj` is a live object: its header and descriptor are readable.
        unsafe {
            let h = header(obj);
            let bits = *h;
            debug_assert!(
                bits & ALLOCATED != 0,
                "seam-gc: reference to a freed object at {obj:p} (a missed root?)"
            );
            if bits & MARK != 0 {
                return;
            }
            if self.major || bits & AGED != 0 {
                if bits & (AGED | PARITY) == AGED | self.parity && !self.major {
                    // Aged by this collection already.
                    return;
                }
                *h = (bits & !(AGED | PARITY)) | MARK;
                self.marked_bytes += object_bytes(bits);
            } else if !self.promote_at_once && bits & LARGE == 0 {
                *h = bits | AGED | self.parity;
                self.aged_bytes += object_bytes(bits);
                self.fresh_bytes += object_bytes(bits);
            } else {
                *h = bits | MARK;
                self.marked_bytes += object_bytes(bits);
                self.fresh_bytes += object_bytes(bits);
            }
            let desc = *(obj as *const *const GcTypeInfo);
            if (*desc).kind != kind::NO_REFS {
                self.queue(obj);
            }
        }
    }

    /// Queues the marked object `obj` for tracing; when the mark stack cannot
    /// grow, notes that the heap must be rescanned instead.
    fn queue(&mut self, obj: *mut u8) {
        let room = self.mark_stack.len() < MARK_STACK_LIMIT
            && (self.mark_stack.len() < self.mark_stack.capacity()
                || fallibly(|| self.mark_stack.try_reserve(1)).is_ok());
        if room {
            self.mark_stack.push(obj);
        } else {
            self.mark_overflow = true;
        }
    }

    /// Traces every marked object again (after the mark stack overflowed in
    /// a major collection, where marked means reached): the references of
    /// those whose tracing was dropped get marked now.
    ///
    /// # Safety
    /// Every marked object is live and well formed.
    unsafe fn retrace_marked(&mut self) {
        debug_assert!(self.major);
        for c in 0..self.chunks.len() {
            let (base, class) = (self.chunks[c].base, self.chunks[c].class);
            let slot_size = (class + 1) * GRANULE;
            for i in 0..CHUNK_BYTES / slot_size {
                // SAFETY: slot `i` lies inside the chunk; a marked slot holds a live object.
                unsafe {
                    let slot = base.add(i * slot_size);
                    if *(slot as *const u64) & MARK != 0 {
                        self.trace(slot.add(HEADER));
                    }
                }
            }
        }
        for b in 0..self.large.len() {
            let block = self.large[b].0;
            // SAFETY: a marked large block holds a live object after its header.
            unsafe {
                if *(block as *const u64) & MARK != 0 {
                    self.trace(block.add(HEADER));
                }
            }
        }
    }

    /// Marks the references of `obj` as its descriptor lists them.
    ///
    /// # Safety
    /// `obj` is a live, well-formed object.
    unsafe fn trace(&mut self, obj: *mut u8) {
        // SAFETY: forwarded from the caller; each reference is null or an object.
        unsafe { for_each_ref(obj, |_, r| self.mark(r)) }
    }

    /// Frees the large blocks the last collection did not reach (neither old nor aged).
    fn sweep_large(&mut self) {
        // SAFETY: every carded block is a live large block, header first.
        self.carded
            .retain(|&block| unsafe { *(block as *const u64) } & (MARK | AGED) != 0);
        self.large.retain(|&(block, total)| {
            // SAFETY: `block` is a large block we allocated with this size and alignment.
            unsafe {
                if *(block as *const u64) & (MARK | AGED) != 0 {
                    true
                } else {
                    if cfg!(debug_assertions) {
                        std::ptr::write_bytes(block, 0xdd, total);
                    }
                    System.dealloc(block, Layout::from_size_align_unchecked(total, GRANULE));
                    false
                }
            }
        });
    }
}

/// Calls `f(offset, word)` for each word of `obj` that its descriptor says
/// holds a reference (null or an object).
///
/// # Safety
/// `obj` is a live, well-formed object: its descriptor and the offsets it
/// gives lie inside the object.
unsafe fn for_each_ref(obj: *mut u8, mut f: impl FnMut(usize, *mut u8)) {
    // SAFETY: the caller's guarantee (see `GcTypeInfo`).
    unsafe {
        let desc = &**(obj as *const *const GcTypeInfo);
        let word = |off: usize| *(obj.add(off) as *const *mut u8);
        match desc.kind {
            kind::FIXED_REFS => {
                for i in 0..desc.ref_count as usize {
                    let off = *desc.ref_offsets.add(i) as usize;
                    f(off, word(off));
                }
            }
            kind::REF_ARRAY => {
                let len = word(desc.len_offset as usize) as usize;
                let items = desc.items_offset as usize;
                for i in 0..len {
                    f(items + 8 * i, word(items + 8 * i));
                }
            }
            kind::TUPLE => {
                // Bit 63 also covers every item past the 64th (homogeneous tuples).
                let len = word(desc.len_offset as usize) as usize;
                let mask = word(desc.mask_offset as usize) as u64;
                let items = desc.items_offset as usize;
                for i in 0..len {
                    if mask & (1 << i.min(63)) != 0 {
                        f(items + 8 * i, word(items + 8 * i));
                    }
                }
            }
            _ => {}
        }
    }
}

/// Where the heap's objects start, for checking references against.
struct ObjectMap {
    /// Chunk bases, sorted, with their size class.
    chunks: Vec<(usize, usize)>,
    /// Large block addresses (their headers), sorted.
    large: Vec<usize>,
}

impl ObjectMap {
    fn new(heap: &Heap) -> ObjectMap {
        let mut chunks: Vec<(usize, usize)> = heap
            .chunks
            .iter()
            .map(|c| (c.base as usize, c.class))
            .collect();
        chunks.sort_unstable();
        let mut large: Vec<usize> = heap.large.iter().map(|&(b, _)| b as usize).collect();
        large.sort_unstable();
        ObjectMap { chunks, large }
    }

    /// Whether `p` is the start of an allocated object of the heap.
    fn is_object(&self, p: usize) -> bool {
        if !p.is_multiple_of(8) || p < HEADER {
            return false;
        }
        let h = p - HEADER;
        let at = self.chunks.partition_point(|&(base, _)| base <= h);
        if let Some(&(base, class)) = at.checked_sub(1).map(|i| &self.chunks[i]) {
            let slot_size = (class + 1) * GRANULE;
            let off = h - base;
            if off < CHUNK_BYTES {
                return off.is_multiple_of(slot_size)
                    && off / slot_size < CHUNK_BYTES / slot_size
                    // SAFETY: `h` is a slot header inside one of our chunks.
                    && unsafe { *(h as *const u64) } & ALLOCATED != 0;
            }
        }
        // SAFETY: `h` is the header of one of our large blocks.
        self.large.binary_search(&h).is_ok() && unsafe { *(h as *const u64) } & ALLOCATED != 0
    }
}

impl Heap {
    /// Checks the heap reachable from the roots: every root and every
    /// reference a reachable object holds is null or the start of an
    /// allocated object (not a freed slot, not the inside of an object),
    /// every reachable object has a descriptor, every old object holding
    /// a young one (fresh or aged) is remembered or has that reference under
    /// a dirty card, and every aged object is young, unremembered and aged by
    /// the last collection; `after` a collection, also that every reachable
    /// object is old or aged (the lazy sweep would free it otherwise).
    /// Returns the first violation.
    ///
    /// # Safety
    /// Every registered static root is a readable word.
    unsafe fn verify(&self, after: bool) -> Result<(), String> {
        let map = ObjectMap::new(self);
        let bad = |w: *mut u8| !w.is_null() && !map.is_object(w as usize);
        // Only the last collection's survivors may be aged.
        let last_parity = self.last_parity();
        let mut pending: Vec<*mut u8> = Vec::new();
        let (base, top) = shadow::live_range();
        let mut p = base;
        let mut i = 0usize;
        while p < top {
            // SAFETY: `[base, top)` is the initialised part of the shadow stack.
            let w = unsafe { *p } as *mut u8;
            if bad(w) {
                return Err(format!(
                    "shadow stack slot {i} holds {w:p}, which is not an allocated object"
                ));
            }
            pending.push(w);
            // SAFETY: still inside `[base, top]`.
            p = unsafe { p.add(1) };
            i += 1;
        }
        for (i, &slot) in self.static_roots.iter().enumerate() {
            // SAFETY: the caller's guarantee.
            let w = unsafe { *slot };
            if bad(w) {
                return Err(format!(
                    "static root {i} (at {slot:p}) holds {w:p}, which is not an allocated object"
                ));
            }
            pending.push(w);
        }
        let mut seen = std::collections::HashSet::new();
        while let Some(obj) = pending.pop() {
            if obj.is_null() || !seen.insert(obj as usize) {
                continue;
            }
            // SAFETY: `obj` passed `is_object`: an allocated object with its header.
            let h = unsafe { *header(obj) };
            if after && h & (MARK | AGED) == 0 {
                return Err(format!(
                    "the object at {obj:p} is reachable but was not marked by the collection"
                ));
            }
            if h & AGED != 0 && h & (MARK | REMEMBERED) != 0 {
                return Err(format!(
                    "the young survivor at {obj:p} is also marked old or remembered"
                ));
            }
            if h & (AGED | PARITY) == PARITY {
                return Err(format!(
                    "the object at {obj:p} has an age parity but no age"
                ));
            }
            if h & AGED != 0 && h & PARITY != last_parity {
                return Err(format!(
                    "the young survivor at {obj:p} was aged before the last collection \
                     and neither promoted nor freed by it"
                ));
            }
            // SAFETY: an allocated object's first word is its descriptor.
            if unsafe { *(obj as *const *const GcTypeInfo) }.is_null() {
                return Err(format!("the object at {obj:p} has no descriptor"));
            }
            let old_unremembered = h & (MARK | REMEMBERED) == MARK;
            let carded = h & CARDED != 0;
            let mut problem = None;
            // SAFETY: every allocated object is well formed (what is checked here
            // is where its references point).
            unsafe {
                for_each_ref(obj, |off, r| {
                    if problem.is_some() || r.is_null() {
                        return;
                    }
                    if bad(r) {
                        problem = Some(format!(
                            "the object at {obj:p} holds {r:p} at offset {off}, \
                             which is not an allocated object"
                        ));
                    } else if old_unremembered
                        && *header(r) & MARK == 0
                        && !(carded && cards(obj)[off >> CARD_SHIFT] != 0)
                    {
                        problem = Some(if carded {
                            format!(
                                "the old array at {obj:p} holds the young object {r:p} at offset \
                                 {off}, whose card is clean (a missed write barrier)"
                            )
                        } else {
                            format!(
                                "the old object at {obj:p} holds the young object {r:p} at offset \
                             {off} and was not remembered (a missed write barrier)"
                            )
                        });
                    } else {
                        pending.push(r);
                    }
                })
            };
            if let Some(problem) = problem {
                return Err(problem);
            }
        }
        Ok(())
    }
}
