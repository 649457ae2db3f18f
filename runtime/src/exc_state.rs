//! The exception state: [`seam_exc_current`], null or the exception instance
//! being propagated, and its accessors.
//!
//! Generated code reads and clears the state directly; the runtime goes
//! through [`current`] and [`set_current`]. The state is a GC reference, so
//! it is registered as a static root at start-up ([`init`]). Knows nothing of
//! exception objects beyond "a GC reference or null": raising lives in
//! [`crate::error`], the errors nothing may catch in [`crate::fatal`].

use std::ptr::null_mut;

/// The current exception (an instance of an exception class), or null.
/// Generated code tests it after every call that can raise and clears it
/// when a handler catches.
#[unsafe(no_mangle)]
#[allow(
    non_upper_case_globals,
    reason = "the symbol name is part of the runtime ABI"
)]
pub static mut seam_exc_current: *mut u8 = null_mut();

static mut STATE_ROOTED: bool = false;

/// Registers the exception state as a static root (once).
///
/// # Safety
/// The runtime's single-thread contract: no other thread may be using the
/// runtime or the collector meanwhile.
pub(crate) unsafe fn init() {
    // SAFETY: single-threaded initialisation (forwarded from the caller); the
    // state is a static that lives for the whole process and holds null or a
    // GC reference.
    unsafe {
        if STATE_ROOTED {
            return;
        }
        STATE_ROOTED = true;
        seam_gc::add_root(&raw mut seam_exc_current);
    }
}

/// The current exception, or null.
pub(crate) fn current() -> *mut u8 {
    // SAFETY: single-threaded access to the runtime's statics.
    unsafe { seam_exc_current }
}

/// Replaces the current exception (null clears it).
pub(crate) fn set_current(exc: *mut u8) {
    // SAFETY: single-threaded access; the state is a static root, so it must
    // hold null or a GC reference, which every caller passes.
    unsafe { seam_exc_current = exc }
}
