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

use crate::dict::{dict_entries, dict_hashed_entries, dict_key_is_str, dict_lookup_hashed};
use crate::dunder::{pending, rich_eq};
use crate::gcglue::Roots;
use crate::gcglue::word;
use crate::layout::{BOX_VALUE, TUPLE_ITEMS, TUPLE_LEN};
use crate::list::list_words;
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
    // Instances (or None beside them) compare by their `__eq__`, after CPython's identity test.
    if first == b'c' || tc.starts_with(b"oc") {
        // SAFETY: forwarded from the caller.
        return a == b || (!pending() && unsafe { rich_eq(a as *mut u8, b as *mut u8, false) });
    }
    if is_ref_code(first) && (a == 0 || b == 0 || a == b) {
        return a == b;
    }
    let (pa, pb) = (a as *mut u8, b as *mut u8);
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
            b'l' => {
                let (x, y) = (list_words(pa), list_words(pb));
                x.len() == y.len() && x.iter().zip(y.iter()).all(|(&p, &q)| equal(p, q, &tc[1..]))
            }
            b't' | b'u' => {
                let (x, y) = (tuple_words(pa), tuple_words(pb));
                let tcs = tuple_codes(tc, x.len());
                x.len() == y.len()
                    && x.iter()
                        .zip(y)
                        .zip(&tcs)
                        .all(|((&p, &q), t)| equal(p, q, t))
            }
            b'd' => {
                let (_, vtc) = pair(tc);
                // Each key is looked up by its stored hash, as CPython does: no `__hash__` runs.
                let (x, y) = (dict_hashed_entries(pa), dict_entries(pb));
                x.len() == y.len()
                    && dict_key_is_str(pa) == dict_key_is_str(pb)
                    && x.iter().all(|&(h, k, v)| {
                        !pending() && dict_lookup_hashed(pb, k, h).is_some_and(|w| equal(v, w, vtc))
                    })
            }
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
    // SAFETY: forwarded from the caller; sub-values inherit liveness.
    unsafe {
        match first {
            b'i' => by(a as i64, b as i64, op),
            b'b' => by(a & 1, b & 1, op),
            b'f' => by(f64::from_bits(a), f64::from_bits(b), op),
            b's' => by(str_bytes(pa), str_bytes(pb), op),
            b'l' => sequence_order(list_words(pa), list_words(pb), |_| &tc[1..], op),
            b't' | b'u' => {
                let (wa, wb) = (tuple_words(pa), tuple_words(pb));
                let tcs = tuple_codes(tc, wa.len().max(wb.len()));
                sequence_order(wa, wb, |i| tcs.get(i).copied().unwrap_or(b""), op)
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

/// CPython's ordering of two sequences: decided by the first pair of elements
/// that are not equal (identical references are equal), else by the lengths.
///
/// # Safety
/// The words must be live values of the codes `tcs` gives.
unsafe fn sequence_order<'t>(
    x: &[u64],
    y: &[u64],
    tcs: impl Fn(usize) -> &'t [u8],
    op: u8,
) -> bool {
    for (i, (&p, &q)) in x.iter().zip(y).enumerate() {
        // SAFETY: forwarded from the caller.
        unsafe {
            if !equal(p, q, tcs(i)) {
                return order(p, q, tcs(i), op);
            }
        }
    }
    match op {
        0 => x.len() < y.len(),
        1 => x.len() <= y.len(),
        2 => x.len() > y.len(),
        _ => x.len() >= y.len(),
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
