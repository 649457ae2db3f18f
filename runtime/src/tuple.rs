//! The `tuple` object: `{desc, n, ref mask, words...}`. Generated code
//! stores and loads the elements of fixed tuples itself; the runtime creates
//! tuples, and indexes and converts `tuple[T, ...]`, whose length is known
//! only at run time (bit 63 of its mask covers the elements past the 64th).

use crate::error::{ExcKind, raise};
use crate::gcglue::{Roots, try_alloc_tuple, word};
use crate::layout::{TUPLE_ITEMS, TUPLE_LEN, TUPLE_MAX_LEN};
use crate::list::{list_is_ref, list_words, try_list_append_word, try_new_list};
use crate::memory::or_raise;

/// A new tuple of `n` zeroed words; bit `i` of `ref_mask` set when element `i` is a reference.
#[unsafe(no_mangle)]
pub extern "C" fn seam_tuple_new(n: i64, ref_mask: i64) -> *mut u8 {
    let n = n.clamp(0, TUPLE_MAX_LEN as i64) as usize;
    let mask = if n == 64 {
        ref_mask as u64
    } else {
        ref_mask as u64 & ((1u64 << n) - 1)
    };
    or_raise(try_alloc_tuple(n, mask))
}

/// `t[i]` of a `tuple[T, ...]`, negative from the end; IndexError "tuple index out of range".
///
/// # Safety
/// `t` must be a live tuple.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn seam_tuple_getitem(t: *mut u8, i: i64) -> u64 {
    // SAFETY: a tuple holds `len` words at TUPLE_ITEMS; the index is checked.
    unsafe {
        let len = word(t, TUPLE_LEN) as i64;
        let k = if i < 0 { i + len } else { i };
        if (0..len).contains(&k) {
            word(t, TUPLE_ITEMS + 8 * k as usize)
        } else {
            raise(ExcKind::IndexError, "tuple index out of range");
            0
        }
    }
}

/// `tuple(l)`: a new tuple of a list's elements (a `tuple[T, ...]`, whose
/// reference mask is all ones when the elements are references, else zero);
/// null after raising `MemoryError` when the memory cannot be had.
///
/// # Safety
/// `l` must be a live list.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn seam_tuple_from_list(l: *mut u8) -> *mut u8 {
    // SAFETY: `l` is rooted across the allocation, so the words copied from
    // it after the allocation are live.
    unsafe {
        let roots = Roots::new();
        roots.push(l);
        let n = list_words(l).len();
        let mask = if list_is_ref(l) { u64::MAX } else { 0 };
        let Some(t) = try_alloc_tuple(n, mask) else {
            return or_raise(None);
        };
        let words = list_words(l);
        std::ptr::copy_nonoverlapping(words.as_ptr(), t.add(TUPLE_ITEMS) as *mut u64, n);
        t
    }
}

/// `list(t)` of a `tuple[T, ...]` (or of a fixed tuple whose elements all
/// have one type): a new list of its elements; `is_ref` 1 when they are references.
///
/// # Safety
/// `t` must be a live tuple.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn seam_tuple_to_list(t: *mut u8, is_ref: u8) -> *mut u8 {
    // SAFETY: `t` is rooted across the allocation; the list has room for its words.
    unsafe {
        let roots = Roots::new();
        roots.push(t);
        let n = word(t, TUPLE_LEN) as usize;
        let Some(l) = try_new_list(is_ref != 0, n) else {
            return or_raise(None);
        };
        for i in 0..n {
            // The list was made with room for every element.
            let appended = try_list_append_word(l, word(t, TUPLE_ITEMS + 8 * i));
            debug_assert!(appended);
        }
        l
    }
}
