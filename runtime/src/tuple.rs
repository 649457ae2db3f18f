//! The `tuple` object: `{desc, n, ref mask, words...}`. Generated code
//! stores and loads the elements itself; the runtime only creates tuples.

use crate::gcglue::try_alloc_tuple;
use crate::layout::TUPLE_MAX_LEN;

/// A new tuple of `n` zeroed words; bit `i` of `ref_mask` set when element `i` is a reference.
#[unsafe(no_mangle)]
pub extern "C" fn seam_tuple_new(n: i64, ref_mask: i64) -> *mut u8 {
    let n = n.clamp(0, TUPLE_MAX_LEN as i64) as usize;
    let mask = if n == 64 {
        ref_mask as u64
    } else {
        ref_mask as u64 & ((1u64 << n) - 1)
    };
    crate::memory::or_raise(try_alloc_tuple(n, mask))
}
