//! Running out of memory: `MemoryError`.
//!
//! ```text
//!   an object for the program (instance, tuple, list growth, s * n, join, dict table...)
//!       ──▶ try_* ──▶ None ──▶ raise_memory_error(): a catchable MemoryError,
//!                              the ABI function returns a dummy
//!   an internal object, or a Rust buffer the runtime does not check
//!       ──▶ out_of_memory(): the uncaught-MemoryError traceback, status 1
//! ```
//!
//! Runtime functions that allocate for generated code are marked `raises` in
//! the ABI table and ask for memory fallibly: from the collector (which
//! collects once more before refusing, and opens its spare chunks once a
//! refusal is being handled, see `seam-gc`) or with `try_reserve` inside
//! [`seam_gc::fallibly`]. Every other failure reaches [`RuntimeAllocator`],
//! the process's global allocator, which ends the program as an uncaught
//! `MemoryError` would instead of aborting with Rust's message.
//!
//! A `MemoryError` instance is allocated when raised, or, when even that small
//! request fails, the one kept in reserve since the builtin classes were
//! registered is used. Knows nothing of what the memory was for.
//!
//! The ABI's allocation entry points for generated code (`seam_alloc` for
//! instances, `seam_box_new` for optional value types) live here too, since
//! their failure is a catchable `MemoryError`.

use crate::error::{ExcKind, builtin_class, set_current};
pub(crate) use crate::fatal::out_of_memory;
use crate::gcglue::{BOX_DESC, set_word, try_alloc};
use crate::layout::{BOX_SIZE, BOX_VALUE};
use seam_gc::GcTypeInfo;
use std::alloc::{GlobalAlloc, Layout, System};
use std::ptr::null_mut;

/// The system allocator, except that a failure nobody handles ends the
/// program with `MemoryError` (see the module documentation).
pub struct RuntimeAllocator;

#[global_allocator]
static ALLOCATOR: RuntimeAllocator = RuntimeAllocator;

/// Ends the program when `p` is null and the caller does not handle failures.
fn checked(p: *mut u8) -> *mut u8 {
    if p.is_null() && !seam_gc::failure_is_handled() {
        out_of_memory();
    }
    p
}

// SAFETY: every method forwards to `System` with the caller's arguments; the
// only addition is ending the process instead of returning null.
unsafe impl GlobalAlloc for RuntimeAllocator {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: forwarded from the caller.
        checked(unsafe { System.alloc(layout) })
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        // SAFETY: forwarded from the caller.
        checked(unsafe { System.alloc_zeroed(layout) })
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: forwarded from the caller.
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: forwarded from the caller.
        checked(unsafe { System.realloc(ptr, layout, new_size) })
    }
}

/// The `MemoryError` raised when a fresh one cannot be allocated (a static root).
static mut RESERVE: *mut u8 = null_mut();

/// Allocates the reserve `MemoryError` (once the builtin classes are registered).
pub(crate) fn init_reserve() {
    let desc = builtin_class(ExcKind::MemoryError);
    // SAFETY: single-threaded access to the runtime's statics; `RESERVE` is a
    // static that lives for the whole process and holds null or an instance.
    unsafe {
        if desc.is_null() || !RESERVE.is_null() {
            return;
        }
        seam_gc::add_root((&raw mut RESERVE).cast());
        RESERVE = crate::class::new_instance(desc);
        if RESERVE.is_null() {
            out_of_memory();
        }
    }
}

/// Raises a catchable `MemoryError` (no message, as CPython's): the caller
/// returns at once with a dummy result. Before the builtin classes are
/// registered there is no handler to catch it, and the program ends.
pub(crate) fn raise_memory_error() {
    // The exception and its handler's first objects may need the spare chunks.
    // SAFETY: the runtime runs on the program's one thread.
    unsafe { seam_gc::open_spares() };
    let desc = builtin_class(ExcKind::MemoryError);
    if desc.is_null() {
        out_of_memory();
    }
    // SAFETY: registered builtin descriptors are class descriptors whose
    // instances have room for the message; the empty str is a static root.
    unsafe {
        // No message: `args` is `()`, as CPython's `MemoryError()`.
        let mut exc = crate::class::new_instance(desc);
        if exc.is_null() {
            exc = RESERVE;
        }
        if exc.is_null() {
            out_of_memory();
        }
        set_current(exc);
    }
}

/// The object, or null after raising `MemoryError` when there is none.
pub(crate) fn or_raise(obj: Option<*mut u8>) -> *mut u8 {
    obj.unwrap_or_else(|| {
        raise_memory_error();
        null_mut()
    })
}

/// A buffer of `n` zero bytes (untouched pages stay unmapped, as with
/// `vec![0; n]`), or `None` when the system refuses it.
pub(crate) fn try_zeroed_bytes(n: usize) -> Option<Vec<u8>> {
    if n == 0 {
        return Some(Vec::new());
    }
    let layout = Layout::array::<u8>(n).ok()?;
    // SAFETY: `layout` has a non-zero size.
    let p = seam_gc::fallibly(|| unsafe { std::alloc::alloc_zeroed(layout) });
    if p.is_null() {
        return None;
    }
    // SAFETY: `p` was allocated by the global allocator with the layout of
    // `n` bytes, all initialised (zero).
    Some(unsafe { Vec::from_raw_parts(p, n, n) })
}

/// Reserves room for `extra` more items in `v`; false when the system refuses.
pub(crate) fn try_reserve<T>(v: &mut Vec<T>, extra: usize) -> bool {
    seam_gc::fallibly(|| v.try_reserve(extra)).is_ok()
}

/// Reserves room for `extra` more bytes in `s`; false when the system refuses.
pub(crate) fn try_reserve_str(s: &mut String, extra: usize) -> bool {
    seam_gc::fallibly(|| s.try_reserve(extra)).is_ok()
}

// ---- the ABI: allocation for generated code ----

/// `int | None`, `float | None`, `bool | None`: a box holding `value`;
/// MemoryError when the memory cannot be had.
#[unsafe(no_mangle)]
pub extern "C" fn seam_box_new(value: u64) -> *mut u8 {
    let Some(b) = try_alloc(&BOX_DESC, BOX_SIZE) else {
        raise_memory_error();
        return std::ptr::null_mut();
    };
    // SAFETY: `b` is a fresh box.
    unsafe { set_word(b, BOX_VALUE, value) };
    b
}

/// A new zeroed instance of `size` bytes of the class whose descriptor (a
/// static address starting with a [`GcTypeInfo`]) is `desc`. May collect.
/// Raises MemoryError (and returns null) when the memory cannot be had.
///
/// # Safety
/// `desc` must be a class descriptor that outlives the instance, whose GC
/// information only names offsets below `size`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn seam_alloc(desc: *mut u8, size: i64) -> *mut u8 {
    // SAFETY: forwarded from the caller; no reference arguments need rooting.
    let obj = unsafe { seam_gc::alloc(desc as *const GcTypeInfo, size.max(8) as usize) };
    if obj.is_null() {
        raise_memory_error();
    }
    obj
}
