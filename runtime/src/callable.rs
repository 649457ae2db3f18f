//! Function values (`Callable[[A, B], R]`): a GC object `{desc, code, receiver}`.
//!
//! `code` is the address of a translated function taking the object itself
//! first, then the call's arguments; `receiver` is the bound method's instance
//! (null for a module-level function) and is traced. Generated code loads
//! `code` and calls it; the runtime only creates the objects.

use crate::gcglue::Roots;
use crate::layout::{CALLABLE_CODE, CALLABLE_RECEIVER, CALLABLE_SIZE};
use seam_gc::GcTypeInfo;

static CALLABLE_REFS: [u32; 1] = [CALLABLE_RECEIVER as u32];
/// Function values: the receiver is their one reference.
static CALLABLE_DESC: GcTypeInfo = GcTypeInfo::fixed_refs(&CALLABLE_REFS);

/// A new function value calling `code` (a function address) bound to `receiver` (or null).
#[unsafe(no_mangle)]
pub extern "C" fn seam_callable_new(code: *const u8, receiver: *mut u8) -> *mut u8 {
    let roots = Roots::new();
    roots.push(receiver);
    // SAFETY: the descriptor names one reference word inside the CALLABLE_SIZE bytes
    // requested, and `receiver`, the only live reference here, is rooted.
    let obj = unsafe { seam_gc::alloc(&CALLABLE_DESC, CALLABLE_SIZE) };
    if obj.is_null() {
        crate::memory::raise_memory_error();
        return obj;
    }
    // SAFETY: `obj` is a fresh object of CALLABLE_SIZE bytes.
    unsafe {
        crate::gcglue::set_word(obj, CALLABLE_CODE, code as u64);
        crate::gcglue::set_ref(obj, CALLABLE_RECEIVER, receiver as u64);
    }
    obj
}
