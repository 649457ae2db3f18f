//! Structural equality and ordering of values, driven by type codes:
//! `seam_eq`, `seam_cmp`, and the comparisons the list helpers use.
//!
//! Neither allocates itself, but equality of instances runs their classes'
//! `__eq__` (see [`crate::dunder`]), which may collect and raise: the ABI
//! functions root their arguments, and callers test for a pending exception. [`compare`]
//! is a total preorder (NaN sorts above every other float and equal to
//! itself), which `seam_cmp` serves. [`order`] is CPython's `<`, `<=`, `>`,
//! `>=` themselves, NaN and all, which the comparison operators
//! (`seam_order`), sorting, `min` and `max` use.

use crate::dict::{dict_entry, dict_key_is_str, dict_len, dict_lookup_hashed, dict_used};
use crate::dunder::{pending, rich_eq};
use crate::gcglue::Roots;
use crate::gcglue::word;
use crate::layout::{BOX_VALUE, TUPLE_ITEMS, TUPLE_LEN};
use crate::list::{list_get, list_len, list_words};
use crate::set::{set_elements, set_has};
use crate::strobj::{str_bytes, str_equal};
use crate::typecode::{pair, tc_slice, tuple_codes};
use std::cmp::Ordering;

/// The element words of a tuple.
///
/// # Safety
/// `t` must be a live tuple.
unsafe fn tuple_words<'a>(t: *mut u8) -> &'a [u64] {
    // SAFETY: a tuple holds `n` words at TUPLE_ITEMS.
    unsafe {
        let n = word(t, TUPLE_LEN) as usize;
        std::slice::from_raw_parts(t.add(TUPLE_ITEMS) as *const u64, n)
    }
}

fn is_ref_code(c: u8) -> bool {
    !matches!(c, b'i' | b'f' | b'b' | b'n')
}

/// The value inside a non-null optional of inner type code `inner`: the box's
/// word for `int`, `float` and `bool`, the reference itself otherwise.
///
/// # Safety
/// `w` must be a live, non-null optional of inner type `inner`.
pub(crate) unsafe fn unbox_optional(w: u64, inner: &[u8]) -> u64 {
    match inner.first() {
        // SAFETY: forwarded from the caller: a box has its value at BOX_VALUE.
        Some(b'i' | b'f' | b'b') => unsafe { word(w as *mut u8, BOX_VALUE) },
        _ => w,
    }
}

/// `a == b` for values of type code `tc`.
///
/// # Safety
/// Both must be live values of type `tc`.
pub(crate) unsafe fn equal(a: u64, b: u64, tc: &[u8]) -> bool {
    let first = tc.first().copied().unwrap_or(b'?');
    if matches!(first, b'i' | b'b') {
        return a == b;
    }
    // Instances (or None beside them) compare by their `__eq__`, after CPython's identity test.
    if first == b'c' || tc.starts_with(b"oc") {
        // SAFETY: forwarded from the caller.
        return a == b || (!pending() && unsafe { rich_eq(a as *mut u8, b as *mut u8, false) });
    }
    if is_ref_code(first) && (a == 0 || b == 0 || a == b) {
        return a == b;
    }
    let (pa, pb) = (a as *mut u8, b as *mut u8);
    // A method run below may drop the two values from wherever they were found.
    let _roots = root_both(a, b, tc);
    // SAFETY: forwarded from the caller; sub-values inherit liveness.
    unsafe {
        match first {
            b'i' | b'b' => a == b,
            b'n' => true,
            b'f' => f64::from_bits(a) == f64::from_bits(b),
            b's' => str_equal(pa, pb),
            b'o' => equal(
                unbox_optional(a, &tc[1..]),
                unbox_optional(b, &tc[1..]),
                &tc[1..],
            ),
            b'S' => {
                let x = set_elements(pa);
                x.len() == set_elements(pb).len() && x.into_iter().all(|k| set_has(pb, k))
            }
            // Files too.
            b'T' => false,
            b'l' => list_equal(pa, pb, &tc[1..]),
            b't' | b'u' => {
                let (x, y) = (tuple_words(pa), tuple_words(pb));
                let tcs = tuple_codes(tc, x.len());
                x.len() == y.len()
                    && x.iter()
                        .zip(y)
                        .zip(&tcs)
                        .all(|((&p, &q), t)| equal(p, q, t))
            }
            b'd' => dict_equal(pa, pb, tc),
            // Key and item views compare like sets; value views by identity.
            b'K' => {
                let (x, y) = (list_words(pa), list_words(pb));
                x.len() == y.len() && x.iter().all(|&p| y.iter().any(|&q| equal(p, q, &tc[1..])))
            }
            b'I' => {
                let (k, v) = pair(tc);
                let (x, y) = (list_words(pa), list_words(pb));
                let item_eq = |p: u64, q: u64| {
                    let (s, t) = (tuple_words(p as *mut u8), tuple_words(q as *mut u8));
                    equal(s[0], t[0], k) && equal(s[1], t[1], v)
                };
                x.len() == y.len() && x.iter().all(|&p| y.iter().any(|&q| item_eq(p, q)))
            }
            _ => false,
        }
    }
}

/// Whether comparing values of type code `tc` may run a dunder method
/// (`__eq__`, `__lt__`...): whether an instance type appears anywhere in it.
/// Such a method may allocate, raise, or change any list or dict.
#[inline]
#[allow(
    clippy::manual_contains,
    reason = "type codes are a few bytes: a plain loop, not a call to memchr, on every comparison"
)]
pub(crate) fn may_run_methods(tc: &[u8]) -> bool {
    tc.iter().any(|&c| c == b'c')
}

/// Roots `a` and `b` when they are references and comparing them may run a
/// method: it may drop them from the containers they were read from.
fn root_both(a: u64, b: u64, tc: &[u8]) -> Option<Roots> {
    if !is_ref_code(tc.first().copied().unwrap_or(b'i')) || !may_run_methods(tc) {
        return None;
    }
    let roots = Roots::new();
    roots.push(a as *mut u8);
    roots.push(b as *mut u8);
    Some(roots)
}

/// CPython's `==` of two lists of element code `tc`: unequal lengths
/// first, then the elements pairwise, each read afresh (an element's
/// `__eq__` may change either list), decided at the first pair that is not
/// equal, or by the lengths once either list is exhausted.
///
/// # Safety
/// Both must be live lists of element type `tc`, rooted when methods may run.
unsafe fn list_equal(a: *mut u8, b: *mut u8, tc: &[u8]) -> bool {
    // SAFETY: forwarded from the caller; elements inherit liveness. Without
    // methods to run nothing changes the lists, so their words are read in place.
    unsafe {
        if !may_run_methods(tc) {
            let (x, y) = (list_words(a), list_words(b));
            return x.len() == y.len() && x.iter().zip(y).all(|(&p, &q)| equal(p, q, tc));
        }
        if list_len(a) != list_len(b) {
            return false;
        }
        let mut i = 0;
        while let (Some(p), Some(q)) = (list_get(a, i), list_get(b, i)) {
            if !equal(p, q, tc) {
                return !pending()
                    && (i >= list_len(a) || i >= list_len(b))
                    && list_len(a) == list_len(b);
            }
            i += 1;
        }
        !pending() && list_len(a) == list_len(b)
    }
}

/// CPython's `==` of two dicts of type code `tc`: equal lengths, then each
/// entry of `a` in order, read afresh (a method may change either dict),
/// looked up in `b` by its stored hash (no `__hash__` runs), values compared
/// with `==`.
///
/// # Safety
/// Both must be live dicts of type `tc`, rooted when methods may run.
unsafe fn dict_equal(a: *mut u8, b: *mut u8, tc: &[u8]) -> bool {
    let (ktc, vtc) = pair(tc);
    let methods = may_run_methods(tc);
    // SAFETY: forwarded from the caller; entries inherit liveness, and are
    // rooted while a method may run.
    unsafe {
        if dict_len(a) != dict_len(b) || dict_key_is_str(a) != dict_key_is_str(b) {
            return false;
        }
        let mut e = 0;
        while e < dict_used(a) {
            if let Some((h, k, v)) = dict_entry(a, e) {
                let roots = Roots::new();
                if methods {
                    roots.push_word(k, is_ref_code(ktc.first().copied().unwrap_or(b'i')));
                    roots.push_word(v, is_ref_code(vtc.first().copied().unwrap_or(b'i')));
                }
                let Some(w) = dict_lookup_hashed(b, k, h) else {
                    return false;
                };
                if pending() {
                    return false;
                }
                if methods {
                    roots.push_word(w, is_ref_code(vtc.first().copied().unwrap_or(b'i')));
                }
                if !equal(v, w, vtc) {
                    return false;
                }
            }
            e += 1;
        }
        !pending()
    }
}

/// Orders two floats as CPython does, except that NaN sorts above every
/// other float (keeping the order total).
fn float_order(a: f64, b: f64) -> Ordering {
    match a.partial_cmp(&b) {
        Some(o) => o,
        None => a.is_nan().cmp(&b.is_nan()),
    }
}

/// Lexicographic order of two word sequences under per-element orders.
fn lexicographic<'t>(
    x: &[u64],
    y: &[u64],
    mut tcs: impl FnMut(usize) -> &'t [u8],
    cmp: impl Fn(u64, u64, &[u8]) -> Ordering,
) -> Ordering {
    for (i, (&p, &q)) in x.iter().zip(y).enumerate() {
        let o = cmp(p, q, tcs(i));
        if o != Ordering::Equal {
            return o;
        }
    }
    x.len().cmp(&y.len())
}

/// The order of `a` and `b`, values of type code `tc` (int, float, bool,
/// str, list, tuple; optionals put `None` first; other types are unordered
/// and compare equal).
///
/// # Safety
/// Both must be live values of type `tc`.
pub(crate) unsafe fn compare(a: u64, b: u64, tc: &[u8]) -> Ordering {
    let first = tc.first().copied().unwrap_or(b'?');
    if is_ref_code(first) && (a == 0 || b == 0) {
        return (a != 0).cmp(&(b != 0));
    }
    let (pa, pb) = (a as *mut u8, b as *mut u8);
    // SAFETY: forwarded from the caller; sub-values inherit liveness.
    let rec = |p: u64, q: u64, t: &[u8]| unsafe { compare(p, q, t) };
    // SAFETY: as above.
    unsafe {
        match first {
            b'i' => (a as i64).cmp(&(b as i64)),
            b'b' => (a != 0).cmp(&(b != 0)),
            b'f' => float_order(f64::from_bits(a), f64::from_bits(b)),
            b's' => str_bytes(pa).cmp(str_bytes(pb)),
            b'o' => compare(
                unbox_optional(a, &tc[1..]),
                unbox_optional(b, &tc[1..]),
                &tc[1..],
            ),
            b'l' => lexicographic(list_words(pa), list_words(pb), |_| &tc[1..], rec),
            b't' | b'u' => {
                let tcs = tuple_codes(tc, tuple_words(pa).len().max(tuple_words(pb).len()));
                lexicographic(
                    tuple_words(pa),
                    tuple_words(pb),
                    |i| tcs.get(i).copied().unwrap_or(b""),
                    rec,
                )
            }
            _ => Ordering::Equal,
        }
    }
}

/// `a < b` (`op` 0), `a <= b` (1), `a > b` (2) or `a >= b` (3) as CPython
/// decides it for values of type code `tc` (int, float, bool, str, and lists
/// and tuples of those): floats by IEEE comparison (false whenever a NaN is
/// involved), sequences at their first pair of elements that are not equal
/// (`==`, then `op` on that pair), else by their lengths.
///
/// # Safety
/// Both must be live values of type `tc`.
pub(crate) unsafe fn order(a: u64, b: u64, tc: &[u8], op: u8) -> bool {
    fn by<T: PartialOrd>(x: T, y: T, op: u8) -> bool {
        match op {
            0 => x < y,
            1 => x <= y,
            2 => x > y,
            _ => x >= y,
        }
    }
    let first = tc.first().copied().unwrap_or(b'?');
    let (pa, pb) = (a as *mut u8, b as *mut u8);
    match first {
        b'i' => return by(a as i64, b as i64, op),
        b'b' => return by(a & 1, b & 1, op),
        b'f' => return by(f64::from_bits(a), f64::from_bits(b), op),
        // SAFETY: forwarded from the caller.
        b's' => return unsafe { by(str_bytes(pa), str_bytes(pb), op) },
        _ => {}
    }
    let methods = may_run_methods(tc);
    // A method run below may drop the two values from wherever they were found.
    let _roots = if methods { root_both(a, b, tc) } else { None };
    // SAFETY: forwarded from the caller; sub-values inherit liveness.
    unsafe {
        match first {
            // Without methods to run nothing changes the lists: their words are read in place.
            b'l' if !methods => words_order(list_words(pa), list_words(pb), |_| &tc[1..], op),
            b'l' => list_order(pa, pb, &tc[1..], op),
            b't' | b'u' => {
                let (wa, wb) = (tuple_words(pa), tuple_words(pb));
                let tcs = tuple_codes(tc, wa.len().max(wb.len()));
                words_order(wa, wb, |i| tcs.get(i).copied().unwrap_or(b""), op)
            }
            _ => by(compare(a, b, tc), Ordering::Equal, op),
        }
    }
}

/// CPython's `<` for values of type code `tc`: what sorting, `min` and `max` use.
///
/// # Safety
/// As for [`order`].
pub(crate) unsafe fn less(a: u64, b: u64, tc: &[u8]) -> bool {
    // SAFETY: forwarded from the caller.
    unsafe { order(a, b, tc, 0) }
}

/// The order `op` (0 to 3: `<`, `<=`, `>`, `>=`) of two lengths.
fn length_order(nx: usize, ny: usize, op: u8) -> bool {
    match op {
        0 => nx < ny,
        1 => nx <= ny,
        2 => nx > ny,
        _ => nx >= ny,
    }
}

/// CPython's ordering of two sequences whose words nothing changes meanwhile
/// (tuples, or lists when no method can run): decided by the first pair of
/// elements that are not equal (identical references are equal), else by
/// the lengths.
///
/// # Safety
/// The words must be live values of the codes `tcs` gives.
unsafe fn words_order<'t>(x: &[u64], y: &[u64], tcs: impl Fn(usize) -> &'t [u8], op: u8) -> bool {
    for (i, (&p, &q)) in x.iter().zip(y).enumerate() {
        // SAFETY: forwarded from the caller.
        unsafe {
            if !equal(p, q, tcs(i)) {
                return !pending() && order(p, q, tcs(i), op);
            }
        }
    }
    length_order(x.len(), y.len(), op)
}

/// CPython's ordering of two lists of element code `tc` whose comparisons
/// may run a method (which may change either list): as [`words_order`], each
/// element read afresh, and the pair that decides read again after its `==`.
///
/// # Safety
/// Both must be live lists of element type `tc`, rooted by the caller.
unsafe fn list_order(a: *mut u8, b: *mut u8, tc: &[u8], op: u8) -> bool {
    // SAFETY: forwarded from the caller.
    unsafe {
        let mut i = 0;
        while let (Some(p), Some(q)) = (list_get(a, i), list_get(b, i)) {
            if !equal(p, q, tc) {
                if pending() {
                    return false;
                }
                if let (Some(p), Some(q)) = (list_get(a, i), list_get(b, i)) {
                    return order(p, q, tc, op);
                }
                break;
            }
            i += 1;
        }
        length_order(list_len(a), list_len(b), op)
    }
}

/// `a == b` structurally for values of type code `tc`.
///
/// # Safety
/// Both must be live values of type `tc`, `tc` a NUL-terminated type code.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn seam_eq(a: u64, b: u64, tc: *const u8) -> u8 {
    // SAFETY: forwarded from the caller.
    unsafe {
        let tc = tc_slice(tc);
        let roots = Roots::new();
        let is_ref = is_ref_code(tc.first().copied().unwrap_or(b'i'));
        roots.push_word(a, is_ref);
        roots.push_word(b, is_ref);
        equal(a, b, tc) as u8
    }
}

/// Ordering of `a` and `b`: -1, 0 or 1.
///
/// # Safety
/// As for [`seam_eq`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn seam_cmp(a: u64, b: u64, tc: *const u8) -> i64 {
    // SAFETY: forwarded from the caller.
    unsafe { compare(a, b, tc_slice(tc)) as i64 }
}

/// `a < b`, `a <= b`, `a > b` or `a >= b` (`op` 0 to 3) as CPython decides it.
///
/// # Safety
/// As for [`seam_eq`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn seam_order(a: u64, b: u64, tc: *const u8, op: i64) -> u8 {
    // SAFETY: forwarded from the caller.
    unsafe { order(a, b, tc_slice(tc), op.clamp(0, 3) as u8) as u8 }
}
