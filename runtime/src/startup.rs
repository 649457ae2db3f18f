//! Process start-up of the runtime's state, in one place: the collector,
//! then each module that owns global state, in the order they need each
//! other. Nothing below this module starts another module: each `init` only
//! prepares its own state.
//!
//! The C entry point ([`crate::entry`]) calls [`init`] before any generated
//! code runs; the unit tests call it before each test.

/// Prepares the collector and the runtime's own state (static roots, the
/// output buffer's mode). Idempotent.
///
/// # Safety
/// The runtime is single-threaded: no other thread may be using it or the
/// collector meanwhile.
pub unsafe fn init() {
    // SAFETY: forwarded from the caller; the collector comes first, since
    // the others register static roots with it.
    unsafe {
        seam_gc::init();
        crate::exc_state::init();
    }
    crate::strobj::init_cache();
    crate::output::init();
}
