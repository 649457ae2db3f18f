//! The shadow stack: a contiguous region of words, each null or a pointer to
//! the start of a live GC object, that generated code and the runtime push
//! their live references onto (RPython's shadowstack).
//!
//! Generated code reads and writes the two exported data symbols directly: it
//! bumps [`seam_shadow_stack_top`] by its frame size on entry (checking
//! against [`seam_shadow_stack_limit`]), zeroes its slots, and restores the
//! top on exit. The collector scans `[base, top)`. Nothing here knows what
//! the referenced objects are.

use std::ptr::null_mut;

/// One past the last used word of the shadow stack (a `*mut usize`).
#[unsafe(no_mangle)]
#[allow(
    non_upper_case_globals,
    reason = "the symbol name is part of the runtime ABI"
)]
pub static mut seam_shadow_stack_top: *mut usize = null_mut();

/// One past the last usable word of the shadow stack.
#[unsafe(no_mangle)]
#[allow(
    non_upper_case_globals,
    reason = "the symbol name is part of the runtime ABI"
)]
pub static mut seam_shadow_stack_limit: *mut usize = null_mut();

/// The first word of the shadow stack; null until [`crate::init`].
static mut BASE: *mut usize = null_mut();

/// The shadow stack has no room for another word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ShadowStackOverflow;

/// The fewest words the shadow stack is given when the address space is too
/// short for the full size (512 KiB).
const MIN_WORDS: usize = 64 << 10;

/// Sets up the shadow stack with room for `words` words (once); when the
/// system refuses that much address space (a `ulimit -v`), with half as
/// many, and so on down to [`MIN_WORDS`]. Aborts with a message if even that fails.
pub(crate) fn init_shadow_stack(words: usize) {
    // SAFETY: single-threaded access to the collector's statics.
    unsafe {
        if !BASE.is_null() {
            return;
        }
        let mut words = words;
        let base = loop {
            if let Some(base) = crate::os::reserve_words(words) {
                break base;
            }
            if words <= MIN_WORDS {
                eprintln!(
                    "seam-gc: cannot reserve the shadow stack ({} bytes)",
                    words * 8
                );
                std::process::abort();
            }
            words /= 2;
        };
        BASE = base;
        seam_shadow_stack_top = base;
        seam_shadow_stack_limit = base.add(words);
    }
}

/// The first word of the shadow stack (null before [`crate::init`]).
pub fn shadow_stack_base() -> *mut usize {
    // SAFETY: a plain read of a static only the collector's thread touches.
    unsafe { BASE }
}

/// The current top of the shadow stack.
pub fn shadow_stack_top() -> *mut usize {
    // SAFETY: a plain read of a static only the collector's thread touches.
    unsafe { seam_shadow_stack_top }
}

/// Pushes `obj` (null or a GC object) onto the shadow stack, keeping it alive
/// until the top is truncated below it again.
///
/// # Safety
/// [`crate::init`] must have run, and `obj` must be null or the start of a live GC object.
pub unsafe fn push_root(obj: *mut u8) -> Result<(), ShadowStackOverflow> {
    // SAFETY: after `init`, `top` lies in `[base, limit]`; the write stays below `limit`.
    unsafe {
        let top = seam_shadow_stack_top;
        if top >= seam_shadow_stack_limit {
            return Err(ShadowStackOverflow);
        }
        *top = obj as usize;
        seam_shadow_stack_top = top.add(1);
    }
    Ok(())
}

/// Pops the shadow stack back to `top` (a value [`shadow_stack_top`] returned earlier).
///
/// # Safety
/// `top` must lie between the shadow stack's base and its current top.
pub unsafe fn truncate_shadow_stack(top: *mut usize) {
    // SAFETY: the caller guarantees `top` is a valid earlier top.
    unsafe {
        debug_assert!(top >= BASE && top <= seam_shadow_stack_top);
        seam_shadow_stack_top = top;
    }
}

/// The words currently on the shadow stack, as a raw range.
pub(crate) fn live_range() -> (*mut usize, *mut usize) {
    // SAFETY: plain reads of statics only the collector's thread touches.
    unsafe { (BASE, seam_shadow_stack_top) }
}
