//! The heap: allocation from size-class free lists and large blocks, marking
//! from the roots with an explicit mark stack, and sweeping.
//!
//! Small objects (header included, up to [`MAX_SMALL`] bytes) live in 64 KiB
//! chunks carved into equal slots, one size class per chunk, 16-byte
//! granularity. Larger objects get their own block from the system
//! allocator. Each object is preceded by an 8-byte header:
//!
//! ```text
//!   bit 0     allocated (a free slot has it clear)
//!   bit 1     mark
//!   bit 2     large block
//!   bits 8..  size class index (small objects)
//! ```
//!
//! A collection starts when the bytes allocated since the last one exceed a
//! threshold proportional to the bytes that survived it (`max(4 MiB, 3/4 live)`),
//! so the total collection work stays proportional to the allocation work.
//! Chunks are kept for reuse and never returned to the system; large blocks
//! are freed as soon as a sweep finds them dead. When the system refuses
//! memory (a chunk or a large block), the collector collects and tries once
//! more; if that fails too, [`alloc`] returns null and the caller reports it
//! (the runtime raises `MemoryError`). Nothing here aborts on a refusal: the
//! blocks come from [`System`] directly and the collector's own vectors grow
//! with `try_reserve` (a full mark stack falls back to rescanning the heap).
//! A few spare chunks are held back for handling a refusal: once the caller
//! says it is handling one ([`open_spares`]), small requests the system
//! refuses take a spare chunk, so that a program that has just been refused
//! memory can still allocate the few small objects it needs to handle that
//! (the exception, the objects its handler makes). Spares are taken again
//! after later collections, when the system allows; once they all are, they
//! are held back again.
//! In debug builds dead small
//! objects are filled with `0xdd`, and marking asserts that every reference
//! points at an allocated slot, so a missed root fails loudly. In any build,
//! `SEAM_GC_VERIFY=1` checks the whole heap after every collection (see
//! [`Heap::verify`]) and stops the process at the first bad reference.
//! This module does not know who the roots belong to or what the objects mean.

use crate::{GcTypeInfo, fallibly, kind, shadow};
use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::RefCell;
use std::ptr::null_mut;

const HEADER: usize = 8;
const GRANULE: usize = 16;
/// The largest slot (header included) served from a size class.
const MAX_SMALL: usize = 512;
const NUM_CLASSES: usize = MAX_SMALL / GRANULE;
const CHUNK_BYTES: usize = 64 * 1024;
const MIN_THRESHOLD: usize = 4 << 20;
/// The next collection comes after allocating `live * GROWTH_NUM / GROWTH_DEN` bytes:
/// the heap peaks near 1.75x the live data, for a third more collections than 1x would need.
const GROWTH_NUM: usize = 3;
const GROWTH_DEN: usize = 4;
/// Shadow-stack capacity in words (64 MiB of address space, reserved lazily by the OS).
const SHADOW_STACK_WORDS: usize = 8 << 20;
/// The most entries the mark stack may hold before marking falls back to
/// rescanning the heap (small in unit tests, so that they exercise the fallback).
const MARK_STACK_LIMIT: usize = if cfg!(test) { 16 } else { usize::MAX };
/// How many spare chunks are held back (untouched, zeroed memory).
const SPARE_CHUNKS: usize = 8;

const ALLOCATED: u64 = 1;
const MARK: u64 = 2;
const LARGE: u64 = 4;
const CLASS_SHIFT: u32 = 8;

/// Counters kept since [`init`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct GcStats {
    /// Completed collections.
    pub collections: u64,
    /// Bytes handed out in total (headers and size-class rounding included).
    pub bytes_allocated: u64,
    /// Bytes currently held by allocated objects, live or not yet swept.
    pub heap_bytes: u64,
    /// The largest `heap_bytes` ever reached.
    pub peak_heap_bytes: u64,
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
    /// Per size class, the first free slot (its header address); the next
    /// free slot's address is stored in the word after the header.
    free: [*mut u8; NUM_CLASSES],
    chunks: Vec<Chunk>,
    /// Large blocks: header address and total size.
    large: Vec<(*mut u8, usize)>,
    mark_stack: Vec<*mut u8>,
    /// Set when a marked object could not be queued for tracing: the heap
    /// must be rescanned for marked objects before sweeping.
    mark_overflow: bool,
    /// Spare zeroed chunks: the first `spares` entries.
    spare: [*mut u8; SPARE_CHUNKS],
    spares: usize,
    /// Set while a refused small request may take a spare chunk.
    use_spares: bool,
    /// Set from [`open_spares`] until the spares are all taken again.
    spares_open: bool,
    static_roots: Vec<*mut *mut u8>,
    since_last: usize,
    threshold: usize,
    stress: bool,
    /// `SEAM_GC_STATS`: time every collection.
    timed: bool,
    /// `SEAM_GC_VERIFY=N`: check the heap after every `N`th collection (0: never).
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
    unsafe { with_heap(|heap| heap.stress = on) }
}

/// Checks the heap now, as `SEAM_GC_VERIFY=1` does after each collection:
/// every root and every reference of every allocated object is null or the
/// start of an allocated object. Returns the first violation, described.
///
/// # Safety
/// Every root must be a readable word. No other thread may be using the
/// collector (as for [`init`]).
pub unsafe fn verify_heap() -> Result<(), String> {
    // SAFETY: forwarded from the caller.
    unsafe { with_heap(|heap| heap.verify()) }
}

/// The collector's counters.
///
/// # Safety
/// As for [`init`]: no other thread may be using the collector.
pub unsafe fn stats() -> GcStats {
    // SAFETY: forwarded from the caller.
    unsafe { with_heap(|heap| heap.stats) }
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
/// the roots must be well formed (see [`GcTypeInfo`]). No other thread may
/// be using the collector (as for [`init`]).
pub unsafe fn alloc(desc: *const GcTypeInfo, size: usize) -> *mut u8 {
    // SAFETY: forwarded from the caller.
    unsafe { with_heap(|heap| heap.alloc(desc, size)) }
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

/// Runs a full collection now.
///
/// # Safety
/// Every root must hold null or a pointer to a live, well-formed GC object.
/// No other thread may be using the collector (as for [`init`]).
pub unsafe fn collect() {
    // SAFETY: forwarded from the caller.
    unsafe { with_heap(|heap| heap.collect()) }
}

/// Registers `slot` (a global holding null or a GC reference) as a root.
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
    let Some(s) = heap.as_ref().map(|h| h.stats) else {
        return;
    };
    eprintln!("seam-gc: collections {}", s.collections);
    eprintln!("seam-gc: bytes allocated {}", s.bytes_allocated);
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

impl Heap {
    fn new() -> Heap {
        let timed = env_flag("SEAM_GC_STATS");
        if timed {
            crate::os::at_exit(print_stats_at_exit);
        }
        let mut heap = Heap {
            free: [null_mut(); NUM_CLASSES],
            chunks: Vec::new(),
            large: Vec::new(),
            mark_stack: Vec::new(),
            mark_overflow: false,
            spare: [null_mut(); SPARE_CHUNKS],
            spares: 0,
            use_spares: false,
            spares_open: false,
            static_roots: Vec::new(),
            since_last: 0,
            threshold: MIN_THRESHOLD,
            stress: env_flag("SEAM_GC_STRESS"),
            timed,
            verify_every: verify_interval(std::env::var_os("SEAM_GC_VERIFY").as_deref()),
            stats: GcStats::default(),
        };
        heap.refill_spares();
        heap
    }

    /// [`alloc`] on this heap.
    ///
    /// # Safety
    /// As for [`alloc`].
    unsafe fn alloc(&mut self, desc: *const GcTypeInfo, size: usize) -> *mut u8 {
        let size = size.max(8);
        let mut collected = false;
        if self.stress || self.since_last >= self.threshold {
            // SAFETY: the caller guarantees well-formed roots.
            unsafe { self.collect() };
            collected = true;
        }
        let mut obj = self.allocate(size);
        if obj.is_null() && !collected {
            // The system refused: the dead objects' memory may make room.
            // SAFETY: the caller guarantees well-formed roots.
            unsafe { self.collect() };
            obj = self.allocate(size);
        }
        if obj.is_null() && self.spares_open && size + HEADER <= MAX_SMALL && self.spares > 0 {
            self.use_spares = true;
            obj = self.allocate(size);
            self.use_spares = false;
        }
        if obj.is_null() {
            return null_mut();
        }
        // SAFETY: `obj` is a fresh block of at least 8 bytes.
        unsafe { *(obj as *mut *const GcTypeInfo) = desc };
        obj
    }

    fn account(&mut self, bytes: usize) {
        self.since_last += bytes;
        self.stats.bytes_allocated += bytes as u64;
        self.stats.heap_bytes += bytes as u64;
        self.stats.peak_heap_bytes = self.stats.peak_heap_bytes.max(self.stats.heap_bytes);
    }

    /// A zeroed block of at least `size` bytes, header set, descriptor not
    /// yet written; null when the system refuses the memory.
    fn allocate(&mut self, size: usize) -> *mut u8 {
        let Some(total) = size
            .checked_add(HEADER + GRANULE - 1)
            .map(|t| t / GRANULE * GRANULE)
        else {
            return null_mut();
        };
        if total > MAX_SMALL {
            return self.allocate_large(total);
        }
        let class = total / GRANULE - 1;
        if self.free[class].is_null() && !self.add_chunk(class) {
            return null_mut();
        }
        let slot = self.free[class];
        // SAFETY: `slot` heads the free list of `class`: a free slot of
        // `total` bytes inside one of our chunks, its link in the second word.
        unsafe {
            self.free[class] = *(slot.add(HEADER) as *mut *mut u8);
            std::ptr::write_bytes(slot, 0, total);
            *(slot as *mut u64) = ALLOCATED | ((class as u64) << CLASS_SHIFT);
        }
        self.account(total);
        // SAFETY: the object starts right after the header, inside the slot.
        unsafe { slot.add(HEADER) }
    }

    /// A large block of `total` bytes, or null.
    fn allocate_large(&mut self, total: usize) -> *mut u8 {
        let Ok(layout) = Layout::from_size_align(total, GRANULE) else {
            return null_mut();
        };
        if fallibly(|| self.large.try_reserve(1)).is_err() {
            return null_mut();
        }
        // SAFETY: `layout` has a non-zero size.
        let block = unsafe { System.alloc_zeroed(layout) };
        if block.is_null() {
            return null_mut();
        }
        // SAFETY: the block is at least `total` > 8 bytes.
        unsafe { *(block as *mut u64) = ALLOCATED | LARGE };
        self.large.push((block, total));
        self.account(total);
        // SAFETY: the object starts right after the header, inside the block.
        unsafe { block.add(HEADER) }
    }

    /// Carves a new chunk into free slots of size class `class`; false when
    /// the system refuses the memory.
    fn add_chunk(&mut self, class: usize) -> bool {
        let slot_size = (class + 1) * GRANULE;
        let layout = Layout::from_size_align(CHUNK_BYTES, 4096).expect("valid chunk layout");
        // Room for this chunk and, when possible, for the spares too: taking a
        // spare must not need the vector to grow.
        let room = fallibly(|| self.chunks.try_reserve(SPARE_CHUNKS + 1)).is_ok()
            || fallibly(|| self.chunks.try_reserve(1)).is_ok();
        if !room {
            return false;
        }
        // SAFETY: `layout` has a non-zero size.
        let mut base = unsafe { System.alloc_zeroed(layout) };
        if base.is_null() && self.use_spares && self.spares > 0 {
            self.spares -= 1;
            base = self.spare[self.spares];
        }
        if base.is_null() {
            return false;
        }
        let slots = CHUNK_BYTES / slot_size;
        // Link the slots in address order, so fresh chunks allocate sequentially.
        for i in (0..slots).rev() {
            // SAFETY: slot `i` lies inside the chunk; its header stays zero (free).
            unsafe {
                let slot = base.add(i * slot_size);
                *(slot.add(HEADER) as *mut *mut u8) = self.free[class];
                self.free[class] = slot;
            }
        }
        self.chunks.push(Chunk { base, class });
        true
    }

    /// Takes spare chunks from the system until there are [`SPARE_CHUNKS`]
    /// or it refuses.
    fn refill_spares(&mut self) {
        if self.spares == SPARE_CHUNKS {
            // None was used: the refusal that opened them may still hold.
            return;
        }
        let layout = Layout::from_size_align(CHUNK_BYTES, 4096).expect("valid chunk layout");
        while self.spares < SPARE_CHUNKS {
            // SAFETY: `layout` has a non-zero size.
            let chunk = unsafe { System.alloc_zeroed(layout) };
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

    /// Marks everything reachable from the roots, then sweeps.
    ///
    /// # Safety
    /// Every root holds null or a live, well-formed GC object.
    unsafe fn collect(&mut self) {
        let start = self.timed.then(std::time::Instant::now);
        // SAFETY: forwarded from the caller.
        unsafe { self.mark_and_sweep() };
        if let Some(start) = start {
            let ns = u64::try_from(start.elapsed().as_nanos()).unwrap_or(u64::MAX);
            self.stats.max_pause_ns = self.stats.max_pause_ns.max(ns);
            self.stats.total_pause_ns = self.stats.total_pause_ns.saturating_add(ns);
        }
        if self.verify_every != 0 && self.stats.collections.is_multiple_of(self.verify_every) {
            // SAFETY: the roots are well formed (the caller's guarantee).
            if let Err(problem) = unsafe { self.verify() } {
                eprintln!(
                    "seam-gc: heap verification failed after collection {}: {problem}",
                    self.stats.collections
                );
                std::process::abort();
            }
        }
    }

    /// The collection proper: mark from the roots, sweep, set the next threshold.
    ///
    /// # Safety
    /// As for [`Heap::collect`].
    unsafe fn mark_and_sweep(&mut self) {
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
        self.sweep();
        self.refill_spares();
        self.stats.collections += 1;
        self.since_last = 0;
        self.threshold =
            MIN_THRESHOLD.max(self.stats.heap_bytes as usize * GROWTH_NUM / GROWTH_DEN);
    }

    /// Marks `obj` (null allowed) and queues it for tracing if it can hold references.
    ///
    /// # Safety
    /// `obj` is null or a live object of this heap.
    unsafe fn mark(&mut self, obj: *mut u8) {
        if obj.is_null() {
            return;
        }
        // SAFETY: `obj` is a live object: its header and descriptor are readable.
        unsafe {
            let h = header(obj);
            debug_assert!(
                *h & ALLOCATED != 0,
                "seam-gc: reference to a freed object at {obj:p} (a missed root?)"
            );
            if *h & MARK != 0 {
                return;
            }
            *h |= MARK;
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

    /// Traces every marked object again (after the mark stack overflowed):
    /// the references of those whose tracing was dropped get marked now.
    ///
    /// # Safety
    /// Every marked object is live and well formed.
    unsafe fn retrace_marked(&mut self) {
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

    /// Frees every unmarked object, clears the marks and rebuilds the free lists.
    fn sweep(&mut self) {
        let mut live = 0usize;
        self.free = [null_mut(); NUM_CLASSES];
        for chunk in &self.chunks {
            let slot_size = (chunk.class + 1) * GRANULE;
            let slots = CHUNK_BYTES / slot_size;
            let mut head = self.free[chunk.class];
            for i in (0..slots).rev() {
                // SAFETY: slot `i` lies inside the chunk; its header says whether it is in use.
                unsafe {
                    let slot = chunk.base.add(i * slot_size);
                    let h = slot as *mut u64;
                    if *h & ALLOCATED != 0 && *h & MARK != 0 {
                        *h &= !MARK;
                        live += slot_size;
                        continue;
                    }
                    if *h & ALLOCATED != 0 && cfg!(debug_assertions) {
                        // Poison the dead object so a missed root fails loudly.
                        std::ptr::write_bytes(slot.add(HEADER), 0xdd, slot_size - HEADER);
                    }
                    *h = 0;
                    *(slot.add(HEADER) as *mut *mut u8) = head;
                    head = slot;
                }
            }
            self.free[chunk.class] = head;
        }
        self.large.retain(|&(block, total)| {
            // SAFETY: `block` is a large block we allocated with this size and alignment.
            unsafe {
                let h = block as *mut u64;
                if *h & MARK != 0 {
                    *h &= !MARK;
                    live += total;
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
        self.stats.heap_bytes = live as u64;
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
    /// Checks the heap between collections: every root and every reference an
    /// allocated object holds is null or the start of an allocated object
    /// (not a freed slot, not the inside of an object), every object has a
    /// descriptor, and no mark bit is left set. Returns the first violation.
    ///
    /// # Safety
    /// Every registered static root is a readable word.
    unsafe fn verify(&self) -> Result<(), String> {
        let map = ObjectMap::new(self);
        let bad = |w: *mut u8| !w.is_null() && !map.is_object(w as usize);
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
        }
        let mut objects: Vec<*mut u8> = Vec::new();
        for chunk in &self.chunks {
            let slot_size = (chunk.class + 1) * GRANULE;
            for i in 0..CHUNK_BYTES / slot_size {
                // SAFETY: slot `i` lies inside the chunk.
                let slot = unsafe { chunk.base.add(i * slot_size) };
                // SAFETY: every slot starts with its header.
                let h = unsafe { *(slot as *const u64) };
                if h & MARK != 0 {
                    return Err(format!("the slot at {slot:p} kept its mark bit"));
                }
                if h & ALLOCATED != 0 {
                    // SAFETY: the object follows its header inside the slot.
                    objects.push(unsafe { slot.add(HEADER) });
                }
            }
        }
        for &(block, _) in &self.large {
            // SAFETY: a large block starts with its header.
            if unsafe { *(block as *const u64) } & MARK != 0 {
                return Err(format!("the large block at {block:p} kept its mark bit"));
            }
            // SAFETY: the object follows its header.
            objects.push(unsafe { block.add(HEADER) });
        }
        for obj in objects {
            // SAFETY: an allocated object's first word is its descriptor.
            if unsafe { *(obj as *const *const GcTypeInfo) }.is_null() {
                return Err(format!("the object at {obj:p} has no descriptor"));
            }
            let mut problem = None;
            // SAFETY: every allocated object is well formed (what is checked here
            // is where its references point).
            unsafe {
                for_each_ref(obj, |off, r| {
                    if problem.is_none() && bad(r) {
                        problem = Some(format!(
                            "the object at {obj:p} holds {r:p} at offset {off}, \
                             which is not an allocated object"
                        ));
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
