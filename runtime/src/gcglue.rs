//! Glue between the runtime and `seam-gc`: the builtin types' descriptors,
//! typed allocation of builtin objects, the [`Roots`] guard that keeps
//! references alive across allocations, raw word access, and the GC symbols
//! of the ABI (`seam_gc_add_root`, `seam_shadow_stack_overflow`).
//!
//! Knows the builtin layouts' sizes but nothing of what the objects mean.
//! Depends only on [`crate::layout`] and [`crate::fatal`]: a failed
//! allocation here is `None` or fatal; raising a catchable `MemoryError` is
//! [`crate::memory`]'s.

use crate::fatal::{fatal, out_of_memory};
use crate::layout::*;
use seam_gc::GcTypeInfo;

/// `str`: no references.
pub(crate) static STR_DESC: GcTypeInfo = GcTypeInfo::no_refs();
static LIST_REFS: [u32; 1] = [LIST_ITEMS as u32];
/// `list`: the element array.
pub(crate) static LIST_DESC: GcTypeInfo = GcTypeInfo::fixed_refs(&LIST_REFS);
/// Element array of references.
pub(crate) static REF_ARRAY_DESC: GcTypeInfo =
    GcTypeInfo::ref_array(ARRAY_CAPACITY as u32, ARRAY_ITEMS as u32);
/// Element array of plain words (ints, floats, bools).
pub(crate) static WORD_ARRAY_DESC: GcTypeInfo = GcTypeInfo::no_refs();
static DICT_REFS: [u32; 4] = [
    DICT_INDEX as u32,
    DICT_HASHES as u32,
    DICT_KEYS as u32,
    DICT_VALUES as u32,
];
/// `dict`: its four storage arrays.
pub(crate) static DICT_DESC: GcTypeInfo = GcTypeInfo::fixed_refs(&DICT_REFS);
static SET_REFS: [u32; 2] = [SET_SLOTS as u32, SET_KEYS as u32];
/// `set`: its two storage arrays.
pub(crate) static SET_DESC: GcTypeInfo = GcTypeInfo::fixed_refs(&SET_REFS);
/// The box of an optional value type: no references.
pub(crate) static BOX_DESC: GcTypeInfo = GcTypeInfo::no_refs();
/// `tuple`: items traced by the reference mask.
pub(crate) static TUPLE_DESC: GcTypeInfo =
    GcTypeInfo::tuple(TUPLE_LEN as u32, TUPLE_REF_MASK as u32, TUPLE_ITEMS as u32);

/// Keeps references alive across allocations: each [`Roots::push`] puts a
/// pointer on the shadow stack, and dropping the guard pops them all.
///
/// Guards nest like the calls that create them; a guard must be dropped
/// before any guard created earlier (Rust's scoping does that).
pub(crate) struct Roots {
    saved: *mut usize,
}

impl Roots {
    pub(crate) fn new() -> Roots {
        Roots {
            saved: seam_gc::shadow_stack_top(),
        }
    }

    /// Roots `obj` (null or a GC object) until the guard is dropped; returns it.
    pub(crate) fn push(&self, obj: *mut u8) -> *mut u8 {
        // SAFETY: every caller passes null or a live GC object.
        if unsafe { seam_gc::push_root(obj) }.is_err() {
            shadow_stack_overflow();
        }
        obj
    }

    /// Roots `word` when it is a reference (`is_ref`), and does nothing otherwise.
    pub(crate) fn push_word(&self, word: u64, is_ref: bool) {
        if is_ref {
            self.push(word as *mut u8);
        }
    }
}

impl Roots {
    /// Roots `obj` (null or a GC object) in a slot of its own, which the
    /// returned [`RootSlot`] may overwrite while this guard lives: a rooted
    /// variable, for a loop that would otherwise push once per step.
    pub(crate) fn slot(&self, obj: *mut u8) -> RootSlot<'_> {
        let at = seam_gc::shadow_stack_top();
        self.push(obj);
        RootSlot {
            at,
            _guard: std::marker::PhantomData,
        }
    }
}

/// A shadow-stack slot pushed by a [`Roots`] guard (see [`Roots::slot`]).
pub(crate) struct RootSlot<'a> {
    at: *mut usize,
    _guard: std::marker::PhantomData<&'a Roots>,
}

impl RootSlot<'_> {
    /// Makes the slot root `obj` (null or a GC object) instead.
    pub(crate) fn set(&self, obj: *mut u8) {
        // SAFETY: the slot was pushed by the guard this value borrows, which
        // is still alive, so the slot lies below the shadow stack's top.
        unsafe { *self.at = obj as usize }
    }
}

impl Drop for Roots {
    fn drop(&mut self) {
        // SAFETY: `saved` was the top when this guard was created, and inner
        // guards have already been dropped.
        unsafe { seam_gc::truncate_shadow_stack(self.saved) };
    }
}

/// Allocates a zeroed object described by one of the runtime's descriptors,
/// or `None` when the memory cannot be had. May collect: unrooted objects may be freed.
pub(crate) fn try_alloc(desc: &'static GcTypeInfo, size: usize) -> Option<*mut u8> {
    // SAFETY: the runtime's descriptors only name offsets inside the sizes
    // the typed allocators below request, and every root is valid by the
    // rooting convention.
    let obj = unsafe { seam_gc::alloc(desc, size) };
    (!obj.is_null()).then_some(obj)
}

/// The object, or the end of the program with `MemoryError` (see [`crate::memory`]).
pub(crate) fn nonnull_or_out_of_memory(obj: Option<*mut u8>) -> *mut u8 {
    obj.unwrap_or_else(|| out_of_memory())
}

/// A `str` object with room for `byte_len` bytes, lengths set, bytes zero;
/// `None` when the memory cannot be had (the caller raises `MemoryError`).
pub(crate) fn try_alloc_str(byte_len: usize, char_len: usize) -> Option<*mut u8> {
    // One byte more than the text: every str is NUL-terminated, so a C function
    // receives its bytes without a copy (`seam_str_as_c`).
    let s = try_alloc(&STR_DESC, STR_BYTES.checked_add(byte_len)?.checked_add(1)?)?;
    // SAFETY: `s` is a fresh str object of `STR_BYTES + byte_len + 1` bytes.
    unsafe {
        set_word(s, STR_BYTE_LEN, byte_len as u64);
        set_word(s, STR_CHAR_LEN, char_len as u64);
        *s.add(STR_BYTES + byte_len) = 0;
    }
    Some(s)
}

/// An element array of `capacity` words, of references when `is_ref`;
/// `None` when the memory cannot be had (the caller raises `MemoryError`).
pub(crate) fn try_alloc_array(is_ref: bool, capacity: usize) -> Option<*mut u8> {
    let desc = if is_ref {
        &REF_ARRAY_DESC
    } else {
        &WORD_ARRAY_DESC
    };
    let size = capacity.checked_mul(8)?.checked_add(ARRAY_ITEMS)?;
    let a = try_alloc(desc, size)?;
    // SAFETY: `a` is a fresh array object.
    unsafe { set_word(a, ARRAY_CAPACITY, capacity as u64) };
    Some(a)
}

/// As [`try_alloc_str`], where a failure ends the program (see [`crate::memory`]).
pub(crate) fn alloc_str(byte_len: usize, char_len: usize) -> *mut u8 {
    nonnull_or_out_of_memory(try_alloc_str(byte_len, char_len))
}

/// An empty `list` header (items pointer null), or `None` when the memory
/// cannot be had.
pub(crate) fn try_alloc_list_header() -> Option<*mut u8> {
    try_alloc(&LIST_DESC, LIST_SIZE)
}

/// An empty `dict` with no storage yet.
pub(crate) fn alloc_dict(flags: u64) -> *mut u8 {
    nonnull_or_out_of_memory(try_alloc_dict(flags))
}

/// As [`alloc_dict`], or `None` when the memory cannot be had.
pub(crate) fn try_alloc_dict(flags: u64) -> Option<*mut u8> {
    let d = try_alloc(&DICT_DESC, DICT_SIZE)?;
    // SAFETY: `d` is a fresh dict object.
    unsafe { set_word(d, DICT_FLAGS, flags) };
    Some(d)
}

/// An empty `set` with no table yet, or `None` when the memory cannot be had.
pub(crate) fn try_alloc_set() -> Option<*mut u8> {
    try_alloc(&SET_DESC, SET_SIZE)
}

/// A `tuple` of `n` zeroed words with reference mask `mask`.
pub(crate) fn alloc_tuple(n: usize, mask: u64) -> *mut u8 {
    nonnull_or_out_of_memory(try_alloc_tuple(n, mask))
}

/// As [`alloc_tuple`], or `None` when the memory cannot be had.
pub(crate) fn try_alloc_tuple(n: usize, mask: u64) -> Option<*mut u8> {
    let t = try_alloc(&TUPLE_DESC, TUPLE_ITEMS + 8 * n)?;
    // SAFETY: `t` is a fresh tuple object.
    unsafe {
        set_word(t, TUPLE_LEN, n as u64);
        set_word(t, TUPLE_REF_MASK, mask);
    }
    Some(t)
}

/// Whether `array` is an element array of references.
///
/// # Safety
/// `array` must be a live element array.
pub(crate) unsafe fn array_is_ref(array: *mut u8) -> bool {
    // SAFETY: offset 0 of every object is its descriptor.
    unsafe { word(array, DESCRIPTOR) as *const GcTypeInfo == &raw const REF_ARRAY_DESC }
}

/// The word at byte offset `off` of `obj`.
///
/// # Safety
/// `obj` must be a live object with a word at `off`.
#[inline]
pub(crate) unsafe fn word(obj: *mut u8, off: usize) -> u64 {
    // SAFETY: forwarded from the caller.
    unsafe { *(obj.add(off) as *const u64) }
}

/// Stores the plain word `value` (not a reference) at byte offset `off` of `obj`.
///
/// # Safety
/// `obj` must be a live object with a word at `off`.
#[inline]
pub(crate) unsafe fn set_word(obj: *mut u8, off: usize, value: u64) {
    // SAFETY: forwarded from the caller.
    unsafe { *(obj.add(off) as *mut u64) = value }
}

/// Stores `value`, a reference or a word that may be one, at byte offset
/// `off` of `obj`, a GC object, with the write barrier (see [`barrier`]):
/// every store of a reference by the runtime into a GC object goes through
/// here or calls [`barrier`] itself.
///
/// # Safety
/// `obj` must be a live GC object with a word at `off`.
#[inline]
pub(crate) unsafe fn set_ref(obj: *mut u8, off: usize, value: u64) {
    // SAFETY: forwarded from the caller.
    unsafe {
        seam_gc::remember_slot(obj, off);
        *(obj.add(off) as *mut u64) = value
    }
}

/// The write barrier: call it before storing a reference into `obj` (null
/// allowed) other than through [`set_ref`]. When `obj` is old and not yet
/// remembered, the collector records it, so that the next minor collection
/// finds the young objects it is given (`seam_abi::gc`); a large reference
/// array has all its cards dirtied (prefer [`set_ref`], which dirties one).
///
/// # Safety
/// `obj` must be null or a live GC object.
#[inline]
pub(crate) unsafe fn barrier(obj: *mut u8) {
    // SAFETY: forwarded from the caller.
    unsafe {
        if !obj.is_null() && seam_gc::needs_remembering(obj) {
            seam_gc::remember(obj);
        }
    }
}

/// The write barrier's slow path for generated code, which tests the header
/// inline (`seam_abi::gc`).
///
/// # Safety
/// `obj` must be a live GC object.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn seam_gc_remember(obj: *mut u8) {
    // SAFETY: forwarded from the caller.
    unsafe { seam_gc::remember(obj) }
}

/// The pointer at byte offset `off` of `obj`.
///
/// # Safety
/// `obj` must be a live object with a word at `off`.
#[inline]
pub(crate) unsafe fn ptr(obj: *mut u8, off: usize) -> *mut u8 {
    // SAFETY: forwarded from the caller.
    unsafe { word(obj, off) as *mut u8 }
}

/// No handler can run without shadow-stack room, so overflowing it is fatal
/// (CPython's `RecursionError` text, status 1).
fn shadow_stack_overflow() -> ! {
    fatal(
        seam_abi::ExcKind::RecursionError.qualified_name(),
        "maximum recursion depth exceeded",
    )
}

/// Registers the address of a global slot holding a GC reference as a static root.
///
/// # Safety
/// `slot` must be a global word that lives as long as the process and holds
/// null or a GC reference.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn seam_gc_add_root(slot: *mut u8) {
    // SAFETY: forwarded from the caller.
    unsafe { seam_gc::add_root(slot as *mut *mut u8) }
}

/// Called by a function prologue when the shadow stack cannot fit its frame.
#[unsafe(no_mangle)]
pub extern "C" fn seam_shadow_stack_overflow() -> ! {
    shadow_stack_overflow()
}
