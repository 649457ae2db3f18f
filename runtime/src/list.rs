//! The `list` object and its ABI functions.
//!
//! A list is `{desc, len, items}` where `items` points to an element array
//! `{desc, capacity, words...}`; the array's descriptor says whether its
//! words are references, so the list needs no flag of its own. Words past
//! `len` are kept zero, so stale references never keep garbage alive.
//!
//! Comparisons and ordering of elements are delegated to [`crate::generic`]
//! (type-code driven); this file knows nothing of element types beyond
//! "reference or not".

use crate::MISSING;
use crate::dunder::{pending, rich_order};
use crate::error::{Exc, ExcKind, raise};
use crate::format::repr_word;
use crate::gcglue::{
    Roots, array_is_ref, barrier, nonnull_or_out_of_memory, ptr, set_ref, set_word,
    try_alloc_array, try_alloc_list_header, word,
};
use crate::generic::{equal, less, may_run_methods};
use crate::layout::{ARRAY_CAPACITY, ARRAY_ITEMS, LIST_ITEMS, LIST_LEN};
use crate::memory::{or_raise, out_of_memory, raise_memory_error};
use crate::timsort::{self, Failed};
use crate::typecode::tc_slice;
use std::cmp::Ordering;

/// CPython's slice adjustment: `(start, step, count)` for a sequence of
/// `len` items, each bound [`MISSING`] when absent.
pub(crate) fn slice_indices(
    len: i64,
    start: i64,
    stop: i64,
    step: i64,
) -> Result<(i64, i64, usize), Exc> {
    let step = if step == MISSING { 1 } else { step };
    if step == 0 {
        return Err(Exc::new(ExcKind::ValueError, "slice step cannot be zero"));
    }
    let adjust = |v: i64, default: i64| -> i64 {
        if v == MISSING {
            return default;
        }
        if v < 0 {
            let v = v + len;
            if v < 0 {
                if step < 0 { -1 } else { 0 }
            } else {
                v
            }
        } else if v >= len {
            if step < 0 { len - 1 } else { len }
        } else {
            v
        }
    };
    let start = adjust(start, if step < 0 { len - 1 } else { 0 });
    let stop = adjust(stop, if step < 0 { -1 } else { len });
    let count = if step < 0 {
        if stop < start {
            ((start - stop - 1) / -step + 1) as usize
        } else {
            0
        }
    } else if start < stop {
        ((stop - start - 1) / step + 1) as usize
    } else {
        0
    };
    Ok((start, step, count))
}

/// A new empty list with room for `capacity` elements; a failure to
/// allocate it ends the program (see [`crate::memory`]).
pub(crate) fn new_list(is_ref: bool, capacity: usize) -> *mut u8 {
    nonnull_or_out_of_memory(try_new_list(is_ref, capacity))
}

/// As [`new_list`], or `None` when the memory cannot be had.
pub(crate) fn try_new_list(is_ref: bool, capacity: usize) -> Option<*mut u8> {
    let roots = Roots::new();
    let list = roots.push(try_alloc_list_header()?);
    let array = try_alloc_array(is_ref, capacity)?;
    // SAFETY: `list` is a fresh list header.
    unsafe { set_ref(list, LIST_ITEMS, array as u64) };
    Some(list)
}

/// The number of elements of a live list.
///
/// # Safety
/// `list` must be a live list.
pub(crate) unsafe fn list_len(list: *mut u8) -> usize {
    // SAFETY: forwarded from the caller.
    unsafe { word(list, LIST_LEN) as usize }
}

/// Element `i` of a live list, read afresh from the list as it is now, or
/// `None` past its end. What a loop uses whose body may run a dunder method
/// (which may change the list, or let the collector run), as CPython's loops
/// over a list re-read its length and items at each step.
///
/// # Safety
/// `list` must be a live list.
pub(crate) unsafe fn list_get(list: *mut u8, i: usize) -> Option<u64> {
    // SAFETY: forwarded from the caller; the array holds at least `len` words.
    unsafe {
        if i >= list_len(list) {
            return None;
        }
        Some(word(ptr(list, LIST_ITEMS), ARRAY_ITEMS + 8 * i))
    }
}

/// The element words of a live list, for reading.
///
/// # Safety
/// `list` must be a live list, and nothing may change it while the slice is
/// used: no write to it (from [`list_words_mut`] or generated code), no
/// dunder method (which may change it) and no allocation (which may let the
/// collector free an array the list let go of). Loops that may run methods
/// use [`list_get`] instead.
pub(crate) unsafe fn list_words<'a>(list: *mut u8) -> &'a [u64] {
    // SAFETY: the array holds at least `len` words; forwarded from the caller.
    unsafe {
        let len = list_len(list);
        let array = ptr(list, LIST_ITEMS);
        std::slice::from_raw_parts(array.add(ARRAY_ITEMS) as *const u64, len)
    }
}

/// The element words of a live list, for writing in place.
///
/// # Safety
/// As for [`list_words`]; besides, no other reference to the list's words
/// (from [`list_words`] or from this function) may be used while this one
/// lives. Only the list's own operations call it, on the list they change.
unsafe fn list_words_mut<'a>(list: *mut u8) -> &'a mut [u64] {
    // SAFETY: the array holds at least `len` words; forwarded from the caller.
    unsafe {
        let len = list_len(list);
        let array = ptr(list, LIST_ITEMS);
        barrier(array);
        std::slice::from_raw_parts_mut(array.add(ARRAY_ITEMS) as *mut u64, len)
    }
}

/// Whether the list's elements are references.
///
/// # Safety
/// `list` must be a live list.
pub(crate) unsafe fn list_is_ref(list: *mut u8) -> bool {
    // SAFETY: forwarded from the caller.
    unsafe { array_is_ref(ptr(list, LIST_ITEMS)) }
}

/// Makes room for at least `needed` elements; false, the list unchanged,
/// when the memory cannot be had.
///
/// # Safety
/// `list` must be a live list, rooted by the caller.
#[must_use]
unsafe fn reserve(list: *mut u8, needed: usize) -> bool {
    // SAFETY: `list` is rooted across the allocation; the old array is
    // reachable from it until the new one replaces it.
    unsafe {
        let array = ptr(list, LIST_ITEMS);
        let cap = word(array, ARRAY_CAPACITY) as usize;
        if needed <= cap {
            return true;
        }
        let is_ref = array_is_ref(array);
        let new_cap = needed.max(cap.saturating_mul(2)).max(4);
        // Doubling keeps appends amortised O(1); when it is refused, growing
        // by an eighth (CPython's over-allocation) still does, and may fit.
        let Some(new_array) = try_alloc_array(is_ref, new_cap)
            .or_else(|| try_alloc_array(is_ref, needed.max(cap + cap / 8)))
        else {
            return false;
        };
        let array = ptr(list, LIST_ITEMS);
        let len = word(list, LIST_LEN) as usize;
        std::ptr::copy_nonoverlapping(array.add(ARRAY_ITEMS), new_array.add(ARRAY_ITEMS), 8 * len);
        set_ref(list, LIST_ITEMS, new_array as u64);
        true
    }
}

/// Appends `w` to `list`, rooting both across a possible reallocation; a
/// failure to grow the list ends the program (see [`crate::memory`]).
///
/// # Safety
/// `list` must be a live list and `w` a valid element for it.
pub(crate) unsafe fn list_append_word(list: *mut u8, w: u64) {
    // SAFETY: forwarded from the caller.
    if !unsafe { try_list_append_word(list, w) } {
        out_of_memory();
    }
}

/// As [`list_append_word`], but false, the list unchanged, when the memory
/// cannot be had.
///
/// # Safety
/// As for [`list_append_word`].
#[must_use]
pub(crate) unsafe fn try_list_append_word(list: *mut u8, w: u64) -> bool {
    // SAFETY: forwarded from the caller; `reserve` leaves room for one more word.
    unsafe {
        let len = word(list, LIST_LEN) as usize;
        if len == word(ptr(list, LIST_ITEMS), ARRAY_CAPACITY) as usize {
            let roots = Roots::new();
            roots.push(list);
            roots.push_word(w, list_is_ref(list));
            if !reserve(list, len + 1) {
                return false;
            }
        }
        let array = ptr(list, LIST_ITEMS);
        set_ref(array, ARRAY_ITEMS + 8 * len, w);
        set_word(list, LIST_LEN, len as u64 + 1);
        true
    }
}

/// A new list of `len` elements of the same kind as `like`, filled by
/// `fill` (given the new list's words, once the allocation is done: it must
/// read its sources only then); null after raising `MemoryError` when the
/// memory cannot be had. `like` is rooted here; `fill` must not allocate.
///
/// # Safety
/// `like` must be a live list, rooted with every list `fill` reads; `fill`
/// must store valid elements only.
unsafe fn list_filled(like: *mut u8, len: Option<usize>, fill: impl FnOnce(&mut [u64])) -> *mut u8 {
    // SAFETY: `like` is rooted across the allocation; the new array has room for `len` words.
    unsafe {
        let roots = Roots::new();
        roots.push(like);
        let Some(out) = len.and_then(|n| try_new_list(list_is_ref(like), n)) else {
            raise_memory_error();
            return std::ptr::null_mut();
        };
        let len = len.unwrap_or(0);
        set_word(out, LIST_LEN, len as u64);
        // `out` is new: no other reference to its words exists.
        fill(list_words_mut(out));
        out
    }
}

/// Normalises index `i` for a list of `len` items, or `None` when out of range.
fn index(i: i64, len: usize) -> Option<usize> {
    let i = if i < 0 { i + len as i64 } else { i };
    (0..len as i64).contains(&i).then_some(i as usize)
}

// ---- the ABI ----

/// An empty list; `elem_is_ref` 1 when elements are references; `capacity` a
/// hint, honoured only while the memory can be had.
#[unsafe(no_mangle)]
pub extern "C" fn seam_list_new(elem_is_ref: u8, capacity: i64) -> *mut u8 {
    let is_ref = elem_is_ref != 0;
    or_raise(
        try_new_list(is_ref, capacity.clamp(0, 1 << 40) as usize)
            .or_else(|| try_new_list(is_ref, 0)),
    )
}

/// `l.append(v)`; MemoryError when the list cannot grow.
///
/// # Safety
/// `l` must be a live list and `v` a valid element for it.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn seam_list_append(l: *mut u8, v: u64) {
    // SAFETY: forwarded from the caller.
    if !unsafe { try_list_append_word(l, v) } {
        raise_memory_error();
    }
}

/// `l[i]`.
///
/// # Safety
/// `l` must be a live list.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn seam_list_getitem(l: *mut u8, i: i64) -> u64 {
    // SAFETY: forwarded from the caller; the index is checked.
    let words = unsafe { list_words(l) };
    match index(i, words.len()) {
        Some(i) => words[i],
        None => {
            raise(ExcKind::IndexError, "list index out of range");
            0
        }
    }
}

/// `l[i] = v`.
///
/// # Safety
/// `l` must be a live list and `v` a valid element for it.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn seam_list_setitem(l: *mut u8, i: i64, v: u64) {
    // SAFETY: forwarded from the caller.
    match index(i, unsafe { list_len(l) }) {
        // SAFETY: `i` is inside the array, whose barrier covers that word alone.
        Some(i) => unsafe { set_ref(ptr(l, LIST_ITEMS), ARRAY_ITEMS + 8 * i, v) },
        None => raise(ExcKind::IndexError, "list assignment index out of range"),
    }
}

/// Removes element `i` (in range), shifting the rest down and clearing the freed word.
///
/// # Safety
/// `l` must be a live list with more than `i` elements.
unsafe fn remove_at(l: *mut u8, i: usize) -> u64 {
    // SAFETY: forwarded from the caller; the array keeps its capacity; the
    // slice is the only reference to the words while it lives.
    unsafe {
        let words = list_words_mut(l);
        let v = words[i];
        words.copy_within(i + 1.., i);
        let last = words.len() - 1;
        words[last] = 0;
        set_word(l, LIST_LEN, last as u64);
        v
    }
}

/// `del l[i]`.
///
/// # Safety
/// `l` must be a live list.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn seam_list_delitem(l: *mut u8, i: i64) {
    // SAFETY: forwarded from the caller; the index is checked.
    unsafe {
        match index(i, list_len(l)) {
            Some(i) => {
                remove_at(l, i);
            }
            None => raise(ExcKind::IndexError, "list assignment index out of range"),
        }
    }
}

/// `l.pop(i)`.
///
/// # Safety
/// `l` must be a live list.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn seam_list_pop(l: *mut u8, i: i64) -> u64 {
    // SAFETY: forwarded from the caller; the index is checked.
    unsafe {
        let len = list_len(l);
        if len == 0 {
            raise(ExcKind::IndexError, "pop from empty list");
            return 0;
        }
        match index(i, len) {
            Some(i) => remove_at(l, i),
            None => {
                raise(ExcKind::IndexError, "pop index out of range");
                0
            }
        }
    }
}

/// `l.insert(i, v)`, clamping `i` as CPython does.
///
/// # Safety
/// `l` must be a live list and `v` a valid element for it.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn seam_list_insert(l: *mut u8, i: i64, v: u64) {
    // SAFETY: forwarded from the caller; after the append there is room to shift.
    unsafe {
        let len = list_len(l) as i64;
        let at = if i < 0 { (i + len).max(0) } else { i.min(len) } as usize;
        if !try_list_append_word(l, v) {
            raise_memory_error();
            return;
        }
        let words = list_words_mut(l);
        words.copy_within(at..len as usize, at + 1);
        words[at] = v;
    }
}

/// `l.extend(other)`; `other` may be `l` itself.
///
/// # Safety
/// Both must be live lists of the same element kind.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn seam_list_extend(l: *mut u8, other: *mut u8) {
    // SAFETY: both lists are rooted across the reallocation; `other`'s words
    // are read after it, so `l == other` works.
    unsafe {
        let n = list_len(other);
        let len = list_len(l);
        let roots = Roots::new();
        roots.push(l);
        roots.push(other);
        if !len.checked_add(n).is_some_and(|total| reserve(l, total)) {
            raise_memory_error();
            return;
        }
        let src = ptr(other, LIST_ITEMS).add(ARRAY_ITEMS);
        barrier(ptr(l, LIST_ITEMS));
        let dst = ptr(l, LIST_ITEMS).add(ARRAY_ITEMS + 8 * len);
        std::ptr::copy(src, dst, 8 * n);
        set_word(l, LIST_LEN, (len + n) as u64);
    }
}

/// The type code of a list's elements, given the code of the element itself.
///
/// # Safety
/// `tc` must be a NUL-terminated static string.
unsafe fn elem_tc<'a>(tc: *const u8) -> &'a [u8] {
    // SAFETY: forwarded from the caller.
    unsafe { tc_slice(tc) }
}

/// The index of the first element for which `found` holds, each element
/// read afresh when comparing values of element code `tc` may run a method
/// (which may change the list); `None` at the end, or as soon as a method
/// raised.
///
/// # Safety
/// `l` must be a live list, rooted by the caller when `found` may collect.
unsafe fn position(l: *mut u8, tc: &[u8], mut found: impl FnMut(u64) -> bool) -> Option<usize> {
    if !may_run_methods(tc) {
        // Nothing can change the list meanwhile: its words are read in place.
        // SAFETY: forwarded from the caller.
        return unsafe { list_words(l) }.iter().position(|&w| found(w));
    }
    let mut i = 0;
    // SAFETY: forwarded from the caller.
    while let Some(w) = unsafe { list_get(l, i) } {
        if found(w) {
            return Some(i);
        }
        if pending() {
            return None;
        }
        i += 1;
    }
    None
}

/// `l.index(v)`, comparing with element type code `tc`.
///
/// # Safety
/// `l` must be a live list, `v` a valid element, `tc` its type code.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn seam_list_index(l: *mut u8, v: u64, tc: *const u8) -> i64 {
    // SAFETY: forwarded from the caller. An element's `__eq__` may allocate,
    // raise or change the list: both are rooted, each element is read afresh.
    unsafe {
        let tc = elem_tc(tc);
        let roots = Roots::new();
        roots.push(l);
        roots.push_word(v, is_ref_code(tc));
        match position(l, tc, |w| equal(w, v, tc)) {
            Some(_) if pending() => 0,
            Some(i) => i as i64,
            None if pending() => 0,
            None => {
                raise(
                    ExcKind::ValueError,
                    &format!("{} is not in list", repr_word(v, tc)),
                );
                0
            }
        }
    }
}

/// `v in l`.
///
/// # Safety
/// As for [`seam_list_index`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn seam_list_contains(l: *mut u8, v: u64, tc: *const u8) -> u8 {
    // SAFETY: forwarded from the caller; rooted and read afresh as in `seam_list_index`.
    unsafe {
        let tc = elem_tc(tc);
        let roots = Roots::new();
        roots.push(l);
        roots.push_word(v, is_ref_code(tc));
        (position(l, tc, |w| equal(w, v, tc)).is_some() && !pending()) as u8
    }
}

/// `l.sort(reverse=r)`: CPython's algorithm, making CPython's comparisons in
/// CPython's order ([`crate::timsort`]), so that NaN and an inconsistent
/// `__lt__` give CPython's result; `reverse` keeps equal elements in order.
///
/// # Safety
/// `l` must be a live list whose elements have type code `tc`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn seam_list_sort(l: *mut u8, tc: *const u8, reverse: u8) {
    // SAFETY: forwarded from the caller. Without methods to run, `less`
    // neither allocates nor changes any list (and no list can hold itself
    // without an instance in between), so the list's own words are sorted in place.
    unsafe {
        let tc = elem_tc(tc);
        if may_run_methods(tc) {
            // `__lt__` or `__eq__` may collect, raise or change the list. As
            // CPython does, the list is emptied while it sorts (a comparison
            // sees `[]`), its array kept aside (rooted: it keeps the elements
            // alive); afterwards the array comes back, sorted or (after an
            // exception) permuted as CPython leaves it, whatever the comparisons
            // did to the list, and a change they made is reported.
            let roots = Roots::new();
            roots.push(l);
            let saved = roots.push(ptr(l, LIST_ITEMS));
            let len = word(l, LIST_LEN);
            let Some(empty) = try_alloc_array(list_is_ref(l), 0) else {
                raise_memory_error();
                return;
            };
            roots.push(empty);
            let mut words = list_words(l).to_vec();
            set_ref(l, LIST_ITEMS, empty as u64);
            set_word(l, LIST_LEN, 0);
            let mut lt = |a: u64, b: u64| {
                let r = if tc == b"c" {
                    rich_order(a as *mut u8, b as *mut u8, 0)
                } else {
                    less(a, b, tc)
                };
                if pending() { Err(Failed) } else { Ok(r) }
            };
            let _ = timsort::sort(&mut words, reverse != 0, &mut lt);
            let modified = ptr(l, LIST_ITEMS) != empty || word(l, LIST_LEN) != 0;
            set_ref(l, LIST_ITEMS, saved as u64);
            set_word(l, LIST_LEN, len);
            list_words_mut(l).copy_from_slice(&words);
            if modified && !pending() {
                raise(ExcKind::ValueError, "list modified during sort");
            }
            return;
        }
        let mut lt = |a: u64, b: u64| Ok(less(a, b, tc));
        let _ = timsort::sort(list_words_mut(l), reverse != 0, &mut lt);
    }
}

/// `l.reverse()`.
///
/// # Safety
/// `l` must be a live list.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn seam_list_reverse(l: *mut u8) {
    // SAFETY: forwarded from the caller; the slice is the only reference to
    // the words while it lives.
    unsafe { list_words_mut(l).reverse() }
}

/// `l.copy()`.
///
/// # Safety
/// `l` must be a live list.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn seam_list_copy(l: *mut u8) -> *mut u8 {
    // SAFETY: the words are copied to Rust memory first; the references in
    // them stay reachable through `l`, which `list_from_words` roots.
    unsafe {
        list_filled(l, Some(list_len(l)), |out| {
            out.copy_from_slice(list_words(l))
        })
    }
}

/// `a + b`.
///
/// # Safety
/// Both must be live lists of the same element kind.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn seam_list_concat(a: *mut u8, b: *mut u8) -> *mut u8 {
    // SAFETY: `b` is rooted here and `a` by `list_from_words`, keeping every copied reference alive.
    unsafe {
        let roots = Roots::new();
        roots.push(b);
        let (na, nb) = (list_len(a), list_len(b));
        list_filled(a, na.checked_add(nb), |out| {
            out[..na].copy_from_slice(list_words(a));
            out[na..].copy_from_slice(list_words(b));
        })
    }
}

/// `l * n`.
///
/// # Safety
/// `l` must be a live list.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn seam_list_repeat(l: *mut u8, n: i64) -> *mut u8 {
    // SAFETY: as for `seam_list_copy`.
    unsafe {
        let len = list_len(l);
        let n = n.max(0) as usize;
        // A length past the address space is MemoryError too, as in CPython.
        list_filled(l, len.checked_mul(n), |out| {
            let words = list_words(l);
            match words {
                [] => {}
                // `[x] * n`, the common case: one fill, not n one-word copies.
                [w] => out.fill(*w),
                _ => {
                    for chunk in out.chunks_exact_mut(len) {
                        chunk.copy_from_slice(words);
                    }
                }
            }
        })
    }
}

/// `l[start:stop:step]`.
///
/// # Safety
/// `l` must be a live list.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn seam_list_slice(l: *mut u8, start: i64, stop: i64, step: i64) -> *mut u8 {
    // SAFETY: as for `seam_list_copy`.
    unsafe {
        let len = list_len(l);
        let (start, step, count) = match slice_indices(len as i64, start, stop, step) {
            Ok(bounds) => bounds,
            Err(e) => {
                e.raise();
                return std::ptr::null_mut();
            }
        };
        list_filled(l, Some(count), |out| {
            let words = list_words(l);
            for (k, w) in out.iter_mut().enumerate() {
                *w = words[(start + k as i64 * step) as usize];
            }
        })
    }
}

/// The first extreme element: the one no later element beats, compared as
/// CPython's `min` (`item < best`) and `max` (`item > best`) compare.
///
/// # Safety
/// `l` must be a live list whose elements have type code `tc`.
unsafe fn extreme(l: *mut u8, tc: *const u8, want: Ordering, name: &str) -> u64 {
    // SAFETY: forwarded from the caller. A comparison may run a method that
    // collects, raises or changes the list: the list and the best element so
    // far are rooted, and each element is read afresh.
    unsafe {
        let tc = elem_tc(tc);
        let Some(first) = list_get(l, 0) else {
            raise(
                ExcKind::ValueError,
                &format!("{name}() arg is an empty sequence"),
            );
            return 0;
        };
        let methods = may_run_methods(tc);
        if !methods {
            // Nothing can change the list meanwhile: its words are read in
            // place. With NaN, the answer depends on the order of the comparisons.
            return list_words(l)[1..].iter().fold(first, |best, &w| {
                let better = if want == Ordering::Less {
                    less(w, best, tc)
                } else {
                    less(best, w, tc)
                };
                if better { w } else { best }
            });
        }
        let roots = Roots::new();
        roots.push(l);
        let best_slot = roots.slot(first as *mut u8);
        let op = if want == Ordering::Less { 0 } else { 2 };
        let mut best = first;
        let mut i = 1;
        while let Some(w) = list_get(l, i) {
            let better = if tc == b"c" {
                rich_order(w as *mut u8, best as *mut u8, op)
            } else if want == Ordering::Less {
                less(w, best, tc)
            } else {
                less(best, w, tc)
            };
            if pending() {
                return 0;
            }
            if better {
                best = w;
                best_slot.set(w as *mut u8);
            }
            i += 1;
        }
        best
    }
}

/// `min(l)`.
///
/// # Safety
/// `l` must be a live list whose elements have type code `tc`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn seam_list_min(l: *mut u8, tc: *const u8) -> u64 {
    // SAFETY: forwarded from the caller.
    unsafe { extreme(l, tc, Ordering::Less, "min") }
}

/// `max(l)`.
///
/// # Safety
/// `l` must be a live list whose elements have type code `tc`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn seam_list_max(l: *mut u8, tc: *const u8) -> u64 {
    // SAFETY: forwarded from the caller.
    unsafe { extreme(l, tc, Ordering::Greater, "max") }
}

/// Whether values of type code `tc` are references.
fn is_ref_code(tc: &[u8]) -> bool {
    !matches!(tc.first(), Some(b'i' | b'f' | b'b' | b'n'))
}

// ---- list.count, list.remove, list.clear ----

/// `l.count(v)`, comparing with element type code `tc`.
///
/// # Safety
/// `l` must be a live list, `v` a valid element, `tc` its type code.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn seam_list_count(l: *mut u8, v: u64, tc: *const u8) -> i64 {
    // SAFETY: forwarded from the caller. An element's `__eq__` may allocate,
    // raise or change the list: both are rooted, each element is read afresh.
    unsafe {
        let tc = elem_tc(tc);
        let roots = Roots::new();
        roots.push(l);
        roots.push_word(v, is_ref_code(tc));
        let mut n = 0;
        let mut i = 0;
        while let Some(w) = list_get(l, i) {
            if equal(w, v, tc) {
                n += 1;
            }
            if pending() {
                return 0;
            }
            i += 1;
        }
        n
    }
}

/// `l.remove(v)`: removes the first element equal to `v`; ValueError
/// "list.remove(x): x not in list".
///
/// # Safety
/// `l` must be a live list, `v` a valid element, `tc` its type code.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn seam_list_remove(l: *mut u8, v: u64, tc: *const u8) {
    // SAFETY: forwarded from the caller; rooted and read afresh as in `seam_list_count`.
    unsafe {
        let tc = elem_tc(tc);
        let roots = Roots::new();
        roots.push(l);
        roots.push_word(v, is_ref_code(tc));
        let mut i = 0;
        while let Some(w) = list_get(l, i) {
            let found = equal(w, v, tc);
            if pending() {
                return;
            }
            if found {
                remove_at(l, i);
                return;
            }
            i += 1;
        }
        raise(ExcKind::ValueError, "list.remove(x): x not in list");
    }
}

/// `l.clear()`: the length drops to zero and the freed words are cleared.
///
/// # Safety
/// `l` must be a live list.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn seam_list_clear(l: *mut u8) {
    // SAFETY: forwarded from the caller; the array keeps its capacity; the
    // slice is the only reference to the words while it lives.
    unsafe {
        list_words_mut(l).fill(0);
        set_word(l, LIST_LEN, 0);
    }
}
